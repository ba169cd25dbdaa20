package dev.spdoctor.kb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Build step: reads {@code knowledge-base/} from YAML, checks it, and writes the compact form the
 * jar loads at start-up. A knowledge base with problems fails the build with every problem listed.
 */
public final class KbCompiler {
  private KbCompiler() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: KbCompiler KNOWLEDGE_BASE_DIR OUTPUT_FILE");
    }
    KnowledgeBase kb;
    try {
      kb = KbLoader.load(Path.of(args[0]));
    } catch (KbException e) {
      System.err.println(e.getMessage());
      throw new IllegalStateException("the knowledge base has " + e.problems().size() + " problem(s); see above");
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "kb", ".tmp");
    try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
      KbCodec.write(kb, file);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("knowledge base: " + kb.causes().size() + " causes, " + kb.signatures().size()
        + " signatures, " + kb.questions().size() + " questions -> " + out);
  }
}
