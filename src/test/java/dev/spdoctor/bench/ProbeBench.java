package dev.spdoctor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spdoctor.probe.testing.Answers;
import dev.spdoctor.probe.testing.DnsStub;
import dev.spdoctor.probe.testing.HealthyTenant;
import dev.spdoctor.probe.testing.Stubs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a probe run takes from the shell, against the loopback stubs of a healthy tenant
 * (bench/probe.sh runs it; see bench/README.md). Each variant is a fresh {@code ./spdoctor}
 * process, interleaved, against the baseline of a one-shot diagnosis of pasted text.
 */
public final class ProbeBench {
  private ProbeBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath();
    try (Stubs stubs = Stubs.start(); DnsStub dns = new DnsStub()) {
      HealthyTenant.install(stubs, dns,
          Answers.accessToken(List.of("Sites.FullControl.All"), Stubs.TENANT_ID, Stubs.CLIENT_ID));
      Path dir = Files.createTempDirectory("spdoctor-probe-bench");
      Files.writeString(dir.resolve("pw.txt"), Stubs.CERT_PASSWORD);
      Path profile = dir.resolve("contoso.yaml");
      Files.writeString(profile, HealthyTenant.profile(stubs, dns, "app-2048.pfx", thumbprint(), "pw.txt", true));
      String launcher = root.resolve("spdoctor").toString();
      Map<String, List<String>> variants = new LinkedHashMap<>();
      variants.put("A  diagnose --error (baseline)", List.of(launcher, "diagnose", "--error",
          "AADSTS700016: Application with identifier 'd2f4e6a8-1b3c-4d5e-9f70-81a2b3c4d5e6' was not found in the"
              + " directory 'contoso.onmicrosoft.com'."));
      variants.put("B  diagnose --profile (offline)", List.of(launcher, "diagnose", "--profile", profile.toString()));
      variants.put("C  probe --profile (all probes)", List.of(launcher, "probe", "--profile", profile.toString(),
          "--format", "json"));
      variants.put("D  diagnose --profile --live", List.of(launcher, "diagnose", "--profile", profile.toString(), "--live"));
      Map<String, List<Double>> wall = new LinkedHashMap<>();
      List<Double> inProcess = new ArrayList<>();
      for (int i = -1; i < runs; i++) { // run -1 warms the page cache and is not counted
        for (Map.Entry<String, List<String>> v : variants.entrySet()) {
          long t0 = System.nanoTime();
          Process p = new ProcessBuilder(v.getValue()).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
          byte[] out = p.getInputStream().readAllBytes();
          int code = p.waitFor();
          double ms = (System.nanoTime() - t0) / 1e6;
          if (code > 1) {
            throw new IllegalStateException(v.getKey() + " exited with " + code + ": " + new String(out));
          }
          if (i >= 0) {
            wall.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(ms);
            if (v.getKey().startsWith("C")) {
              inProcess.add(new ObjectMapper().readTree(out).get("millis").asDouble());
            }
          }
        }
      }
      System.out.printf("%d interleaved cold runs of each (./spdoctor, a new JVM each), against loopback stubs%n", runs);
      double base = median(wall.values().iterator().next());
      for (Map.Entry<String, List<Double>> e : wall.entrySet()) {
        System.out.printf("  %-34s median %6.0f ms   p90 %6.0f ms   ratio to A %.2f%n", e.getKey(), median(e.getValue()),
            p90(e.getValue()), median(e.getValue()) / base);
      }
      System.out.printf("  probe run inside C (all 11 probes, as reported in its JSON): median %.0f ms, p90 %.0f ms%n",
          median(inProcess), p90(inProcess));
    }
  }

  private static String thumbprint() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Stubs.pki("app-2048.pfx"))) {
      ks.load(in, Stubs.CERT_PASSWORD.toCharArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
        .digest(ks.getCertificate(ks.aliases().nextElement()).getEncoded()));
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static double p90(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.9) - 1));
  }
}
