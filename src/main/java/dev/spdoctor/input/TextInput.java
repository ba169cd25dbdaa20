package dev.spdoctor.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads pasted error text from files, standard input or arguments, and refuses what cannot be a
 * paste: binary data, text that is not UTF-8 (or UTF-16 with a byte-order mark, as Windows
 * PowerShell writes files), blank text, or more than {@link #MAX_BYTES}.
 */
public final class TextInput {
  /** The most spdoctor reads from one source: 5 MiB. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  private TextInput() {}

  /** Reads a file, or standard input when {@code name} is {@code -}. */
  public static String read(String name, InputStream stdin) {
    return read(name, stdin, w -> { });
  }

  /**
   * Reads a file, or standard input when {@code name} is {@code -}; {@code warn} hears about stray
   * bytes that were not UTF-8 and were read as Windows-1252.
   */
  public static String read(String name, InputStream stdin, java.util.function.Consumer<String> warn) {
    String label = "-".equals(name) ? "standard input" : name;
    byte[] bytes;
    try {
      if ("-".equals(name)) {
        bytes = stdin.readNBytes(MAX_BYTES + 1);
      } else {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
          throw new InputException(label + " is a folder; give the file that holds the error text");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
          throw new InputException(label + " is a device, pipe or other special file, not a file of text;"
              + " to read a pipe, use --error-file - with the pipe on standard input");
        }
        try (InputStream in = Files.newInputStream(path)) {
          bytes = in.readNBytes(MAX_BYTES + 1);
        }
      }
    } catch (NoSuchFileException e) {
      throw new InputException("no such file: " + label + "; check the path, or use --error-file - to read standard input");
    } catch (AccessDeniedException e) {
      throw new InputException("cannot read " + label + ": permission denied");
    } catch (IOException e) {
      throw new InputException("cannot read " + label + ": " + e.getMessage());
    }
    return decode(label, bytes, warn);
  }

  /** Checks text given on the command line. */
  public static String check(String label, String text) {
    if (text == null || text.isBlank()) {
      throw new InputException(label + " is empty; give the error message, e.g. --error \"AADSTS700016: ...\"");
    }
    if (text.indexOf('\0') >= 0) {
      throw new InputException(label + " holds a NUL character, so it is not text");
    }
    if (text.length() > MAX_BYTES) {
      throw new InputException(label + " is longer than " + (MAX_BYTES / (1024 * 1024))
          + " MiB of text; pass only the lines around the error");
    }
    return text;
  }

  static String decode(String label, byte[] bytes) {
    return decode(label, bytes, w -> { });
  }

  static String decode(String label, byte[] bytes, java.util.function.Consumer<String> warn) {
    if (bytes.length > MAX_BYTES) {
      throw new InputException(label + " is larger than " + (MAX_BYTES / (1024 * 1024))
          + " MiB, so it is a log rather than a paste; scan it whole (any size, .gz too) with: spdoctor scan "
          + ("standard input".equals(label) ? "-" : shellWord(label)));
    }
    String text;
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      text = strict(label, bytes, 2, StandardCharsets.UTF_16LE);
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      text = strict(label, bytes, 2, StandardCharsets.UTF_16BE);
    } else {
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          throw new InputException(label + " looks binary (a NUL byte at offset " + i
              + "); give the error text itself, not a program, archive or image");
        }
      }
      boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
      text = Lenient.utf8(label, bytes, bom ? 3 : 0, warn);
    }
    if (text.isBlank()) {
      throw new InputException(label + " is empty or only white space; give the text of the error message");
    }
    return text;
  }

  /** {@code name} as one shell word, quoted when it needs it. */
  static String shellWord(String name) {
    return name.matches("[A-Za-z0-9_./:@%+=,-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
  }

  private static String strict(String label, byte[] bytes, int offset, java.nio.charset.Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(label + " is not valid " + charset.name().toUpperCase(Locale.ROOT)
          + " (bad bytes near offset " + in.position() + "); save it as UTF-8, e.g. " + reencodeHint());
    }
  }

  /** How to turn a Windows-1252 file into UTF-8 with what this system has: PowerShell on Windows, iconv elsewhere. */
  static String reencodeHint() {
    return System.getProperty("os.name", "").startsWith("Windows")
        ? "Get-Content -Encoding Default FILE | Set-Content -Encoding UTF8 FILE.utf8.txt"
        : "iconv -f WINDOWS-1252 -t UTF-8 FILE";
  }
}
