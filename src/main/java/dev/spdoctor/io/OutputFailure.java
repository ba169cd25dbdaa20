package dev.spdoctor.io;

/**
 * Standard output (or error) could not be written: a full disk, a device that refuses writes.
 * Exit code 74 (docs/cli.md). The report is incomplete, so the run must not end with 0 or 1. (A pipe
 * its reader closed is exit 141 with no message: cli/CheckedStreams tells them apart.)
 */
public final class OutputFailure extends RuntimeException {
  public OutputFailure(String message) {
    super(message);
  }

  /** The failure for a stream (such as "standard output") that could not be written. */
  public static OutputFailure of(String stream) {
    return new OutputFailure("could not write to " + stream + " (no space left, or a device that refuses"
        + " writes); the output is incomplete");
  }

  /** Flushes {@code out}; throws when any write to it has failed. */
  public static void check(java.io.PrintWriter out, String stream) {
    if (out.checkError()) {
      throw of(stream);
    }
  }
}
