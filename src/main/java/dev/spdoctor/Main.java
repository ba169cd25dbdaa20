package dev.spdoctor;

import dev.spdoctor.cli.Cli;

/** Entry point of the spdoctor command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    allowBasicProxyCredentials();
    System.exit(Cli.run(args));
  }

  /**
   * The JDK refuses Basic credentials for HTTPS tunnels through a proxy unless told otherwise,
   * and reads the setting once, when its HTTP classes load: set it first thing. spdoctor only
   * ever answers a proxy's challenge (never a server's) and only with the credentials a profile
   * names (network.proxy-user).
   */
  static void allowBasicProxyCredentials() {
    if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
      System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
    }
  }
}
