package dev.spdoctor.profile;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the secrets a profile points at: an environment variable, a file (without one trailing
 * line break), or a prompt on the terminal. When one cannot be read, the
 * {@link IllegalStateException} says where it looked; it never holds the secret.
 */
public final class Secrets implements SecretSource {
  private final Function<String, String> env;
  private final Supplier<Console> console;

  /** Reads the process environment and prompts on {@link System#console()}. */
  public Secrets() {
    this(System::getenv);
  }

  /** Reads environment variables through {@code env} (a map's {@code get} in tests). */
  public Secrets(Function<String, String> env) {
    this(env, System::console);
  }

  Secrets(Function<String, String> env, Supplier<Console> console) {
    if (env == null) {
      throw new NullPointerException("env == null");
    }
    if (console == null) {
      throw new NullPointerException("console == null");
    }
    this.env = env;
    this.console = console;
  }

  @Override
  public char[] read(SecretRef ref, String what) {
    if (ref == null) {
      throw new NullPointerException("ref == null");
    }
    String label = what == null || what.isBlank() ? "the secret" : what;
    if (ref.env() != null) {
      return fromEnv(ref.env(), label);
    }
    if (ref.file() != null) {
      return fromFile(ref, label);
    }
    return fromPrompt(label);
  }

  private char[] fromEnv(String name, String what) {
    String value = env.apply(name);
    if (value == null) {
      throw new IllegalStateException(what + " is to come from the environment variable " + name
          + ", which is not set; set it before running spdoctor, or point the profile at {file: PATH}");
    }
    return value.toCharArray();
  }

  private char[] fromFile(SecretRef ref, String what) {
    byte[] bytes;
    try {
      bytes = dev.spdoctor.io.BoundedFiles.read(ref.file(), dev.spdoctor.io.BoundedFiles.SECRET);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(what + " is to come from the file " + ref.file() + ", which does not exist");
    } catch (AccessDeniedException e) {
      throw new IllegalStateException(what + " is to come from the file " + ref.file()
          + ", which this account may not read");
    } catch (dev.spdoctor.io.BoundedFiles.NotAFileException | dev.spdoctor.io.BoundedFiles.TooLargeException e) {
      throw new IllegalStateException(what + " is to come from the file " + ref.file() + ", which cannot be used: "
          + e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException(what + " is to come from the file " + ref.file() + ", which cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
    CharBuffer chars;
    try {
      chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(what + " is to come from the file " + ref.file() + ", which is not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    int start = chars.length() > 0 && chars.charAt(0) == '\uFEFF' ? 1 : 0;
    int end = chars.length();
    if (end > start && chars.charAt(end - 1) == '\n') {
      end--;
      if (end > start && chars.charAt(end - 1) == '\r') {
        end--;
      }
    } else if (end > start && chars.charAt(end - 1) == '\r') {
      end--;
    }
    char[] secret = new char[end - start];
    for (int i = start; i < end; i++) {
      secret[i - start] = chars.get(i);
    }
    if (chars.hasArray()) {
      Arrays.fill(chars.array(), '\0');
    }
    return secret;
  }

  private char[] fromPrompt(String what) {
    Console c = console.get();
    if (c == null) {
      throw new IllegalStateException(what + " is to be typed at a prompt, but there is no terminal to ask on;"
          + " give it with {env: NAME} or {file: PATH} in the profile instead");
    }
    char[] typed = c.readPassword("%s: ", capitalised(what));
    if (typed == null) {
      throw new IllegalStateException(what + " was to be typed at a prompt, but the input ended");
    }
    return typed;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
