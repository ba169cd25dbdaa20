package dev.spdoctor.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws Exception {
    Properties p = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/dev.spdoctor/spdoctor/pom.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"spdoctor " + p.getProperty("version", "(development build)"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
  }
}
