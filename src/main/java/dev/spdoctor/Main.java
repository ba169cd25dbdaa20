package dev.spdoctor;

import dev.spdoctor.cli.Cli;

/** Entry point of the spdoctor command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
