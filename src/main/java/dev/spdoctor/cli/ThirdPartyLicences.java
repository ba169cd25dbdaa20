package dev.spdoctor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes {@code licenses/THIRD-PARTY.md} of the release archive at build time: every library in
 * lib/ with the licence its own POM declares (walking up its parent POMs in the local Maven
 * repository when it declares none), and where its licence text is in licenses/: the files the
 * library's jar carries (unpacked beside it by the build, one folder per jar), or for an Apache
 * 2.0 library whose jar carries none, {@code Apache-2.0.txt}, the licence's text copied from a jar
 * that carries it. Folders left empty by the unpacking are removed.
 *
 * <p>Usage: {@code ThirdPartyLicences DEPENDENCY-LIST LOCAL-REPOSITORY LICENSES-DIR}, where the
 * list is the output of {@code dependency:list} (lines {@code group:artifact:jar[:classifier]:version:scope}).
 */
public final class ThirdPartyLicences {
  private ThirdPartyLicences() {}

  /** One resolved library. */
  record Library(String group, String artifact, String classifier, String version) {
    String jarName() {
      return artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
    }

    /** The folder the dependency plugin unpacks this jar's licence files into. */
    String folder() {
      return artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + "-jar";
    }
  }

  /** A licence as a POM declares it. */
  record Licence(String name, String url) {}

  private static final Pattern LINE = Pattern.compile(
      "^\\s*([\\w.-]+):([\\w.-]+):jar(?::([\\w.-]+))?:([\\w.+-]+):(compile|runtime)\\b.*$");

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ThirdPartyLicences DEPENDENCY-LIST LOCAL-REPOSITORY LICENSES-DIR");
    }
    List<Library> libraries = libraries(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
    Path repo = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    removeEmptyFolders(out);
    Path apache = out.resolve("Apache-2.0.txt");
    Files.deleteIfExists(apache);
    StringBuilder md = new StringBuilder();
    md.append("# Libraries in lib/ and their licences\n\n")
        .append("Generated at build time from each library's own POM (or its parent's). \"Text\" says where the\n")
        .append("licence text is in this folder: the files the library's jar carries, or for an Apache 2.0\n")
        .append("library whose jar carries none, Apache-2.0.txt. Where a jar carries no text and the licence\n")
        .append("is another, the licence's address is given.\n\n")
        .append("| Library | Version | Licence | Text |\n|---|---|---|---|\n");
    int missing = 0;
    for (Library lib : libraries) {
      List<Licence> licences = licences(repo, lib.group(), lib.artifact(), lib.version(), 0);
      String text;
      Path own = out.resolve(lib.folder());
      if (Files.isDirectory(own)) {
        try (Stream<Path> files = Files.walk(own)) {
          text = String.join(", ", files.filter(Files::isRegularFile)
              .map(p -> "`" + out.relativize(p).toString().replace('\\', '/') + "`").sorted().toList());
        }
      } else if (licences.stream().anyMatch(ThirdPartyLicences::isApache2)) {
        if (!Files.exists(apache)) {
          copyApacheText(out, apache);
        }
        text = Files.exists(apache) ? "`Apache-2.0.txt`" : "not in the jar";
      } else {
        text = "not in the jar" + (licences.isEmpty() || licences.get(0).url() == null ? ""
            : "; " + licences.get(0).url());
      }
      if (licences.isEmpty()) {
        missing++;
      }
      md.append("| ").append(lib.group()).append(':').append(lib.artifact())
          .append(lib.classifier() == null ? "" : ":" + lib.classifier()).append(" | ").append(lib.version())
          .append(" | ").append(licences.isEmpty() ? "not declared in its POM"
              : String.join("; ", licences.stream().map(Licence::name).toList()))
          .append(" | ").append(text).append(" |\n");
    }
    Files.writeString(out.resolve("THIRD-PARTY.md"), md.toString(), StandardCharsets.UTF_8);
    System.out.println("licenses/THIRD-PARTY.md: " + libraries.size() + " libraries"
        + (missing > 0 ? ", " + missing + " without a declared licence" : ""));
  }

  /** The libraries of a {@code dependency:list} output, in its order. */
  static List<Library> libraries(List<String> lines) {
    List<Library> libs = new ArrayList<>();
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        libs.add(new Library(m.group(1), m.group(2), m.group(3), m.group(4)));
      }
    }
    return libs;
  }

  /** The licences the POM of group:artifact:version declares, else its parent's (up to 10 levels). */
  static List<Licence> licences(Path repo, String group, String artifact, String version, int depth) {
    Path pom = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
        .resolve(artifact + "-" + version + ".pom");
    if (depth > 10 || !Files.isRegularFile(pom)) {
      return List.of();
    }
    Element project;
    try {
      project = parse(pom).getDocumentElement();
    } catch (IOException | SAXException | ParserConfigurationException e) {
      return List.of();
    }
    List<Licence> found = new ArrayList<>();
    Element licences = child(project, "licenses");
    if (licences != null) {
      NodeList list = licences.getElementsByTagName("license");
      for (int i = 0; i < list.getLength(); i++) {
        Element l = (Element) list.item(i);
        String name = text(child(l, "name"));
        String url = text(child(l, "url"));
        if (name != null || url != null) {
          found.add(new Licence(name != null ? name : url, url));
        }
      }
    }
    Element parent = child(project, "parent");
    if (found.isEmpty() && parent != null) {
      String g = text(child(parent, "groupId"));
      String a = text(child(parent, "artifactId"));
      String v = text(child(parent, "version"));
      if (g != null && a != null && v != null) {
        return licences(repo, g, a, v, depth + 1);
      }
    }
    return found;
  }

  static boolean isApache2(Licence l) {
    String s = ((l.name() == null ? "" : l.name()) + " " + (l.url() == null ? "" : l.url())).toLowerCase(Locale.ROOT);
    return s.contains("apache") && (s.contains("2.0") || s.contains("license-2.0") || s.contains("licence-2.0"));
  }

  /** Copies the Apache License 2.0 text from the first unpacked jar that carries it. */
  private static void copyApacheText(Path out, Path apache) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("LICENSE"))
          .sorted().toList()) {
        String t = Files.readString(f, StandardCharsets.ISO_8859_1);
        if (t.contains("Apache License") && t.contains("Version 2.0, January 2004") && t.contains("END OF TERMS")) {
          Files.copy(f, apache);
          return;
        }
      }
    }
  }

  private static void removeEmptyFolders(Path out) throws IOException {
    try (Stream<Path> dirs = Files.walk(out)) {
      for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.equals(out))
          .sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        try (Stream<Path> in = Files.list(d)) {
          if (in.findAny().isEmpty()) {
            Files.delete(d);
          }
        }
      }
    }
  }

  private static Document parse(Path pom) throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(pom.toFile());
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getTagName())) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? null : t;
  }
}
