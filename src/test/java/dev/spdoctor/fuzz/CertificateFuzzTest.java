package dev.spdoctor.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spdoctor.probe.cert.CertificateFileException;
import dev.spdoctor.probe.cert.CertificateFiles;
import dev.spdoctor.profile.Profile;
import dev.spdoctor.profile.SecretRef;

/** Fuzzes certificate files (PEM, DER, PKCS#12): loaded, or refused with a kind and a message. */
public class CertificateFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void fuzz(byte[] data) {
    fuzzerTestOneInput(data);
  }

  /** The target, also for the standalone Jazzer driver (bench/fuzz.sh). */
  public static void fuzzerTestOneInput(byte[] data) {
    java.nio.file.Path file = FuzzChecks.file(data, ".pem");
    SecretRef password = data.length > 0 && (data[0] & 1) == 1 ? new SecretRef("SPDOCTOR_FUZZ_PASSWORD", null, false) : null;
    try {
      CertificateFiles.load(new Profile.Certificate(file, null, password, null), (ref, what) -> "fuzz".toCharArray());
    } catch (CertificateFileException e) {
      FuzzChecks.printable(e.getMessage(), data);
    }
  }
}
