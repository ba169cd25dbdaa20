package dev.spdoctor.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;

/**
 * A command that reads standard input. The command line ({@link Cli#commandLine}) hands it the
 * stream to read, so a test gives its own input the way a shell would pipe it.
 */
abstract class StdinCommand implements Callable<Integer> {
  /** Standard input, or what {@link Cli#commandLine} was given. */
  InputStream stdin = System.in;
}
