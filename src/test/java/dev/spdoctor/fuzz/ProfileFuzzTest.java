package dev.spdoctor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spdoctor.profile.ProfileException;
import dev.spdoctor.profile.ProfileLoader;

/** Fuzzes the profile loader: any bytes give a profile or a list of problems, never another exception. */
public class ProfileFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** The target, also for the standalone Jazzer driver (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    try {
      ProfileLoader.load(FuzzChecks.file(data, ".yaml"));
    } catch (ProfileException e) {
      FuzzChecks.printable(e.getMessage(), data);
    }
  }
}
