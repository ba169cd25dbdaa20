package dev.spdoctor.guide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Makes prompts: with line editing and history on a terminal (JLine), plain lines over a pipe. */
public final class PrompterFactory {
  private PrompterFactory() {}

  /** Reads one answer at a time. */
  public interface Prompt extends AutoCloseable {
    /** The line typed, or null at end of input; {@link Interrupted} on Ctrl-C. */
    String read(String prompt) throws IOException;

    @Override
    void close() throws IOException;
  }

  /** Ctrl-C at a prompt. */
  public static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted");
    }
  }

  /** A terminal prompt when standard input is a terminal, else one that reads lines from {@code in}. */
  public static Prompt create(InputStream in, PrintWriter out, boolean terminal) throws IOException {
    if (!terminal) {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new Prompt() {
        @Override
        public String read(String prompt) throws IOException {
          out.print(prompt);
          out.flush();
          String line = lines.readLine();
          out.println(line == null ? "" : line);
          return line;
        }

        @Override
        public void close() {
          // standard input is not ours to close
        }
      };
    }
    Terminal term = TerminalBuilder.builder().system(true).build();
    LineReader reader = LineReaderBuilder.builder().terminal(term).build();
    return new Prompt() {
      @Override
      public String read(String prompt) {
        try {
          return reader.readLine(prompt);
        } catch (UserInterruptException e) {
          throw new Interrupted();
        } catch (EndOfFileException e) {
          return null;
        }
      }

      @Override
      public void close() throws IOException {
        term.close();
      }
    };
  }
}
