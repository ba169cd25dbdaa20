package dev.spdoctor.io;

import dev.spdoctor.text.Visible;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The last line of defence between spdoctor and a terminal: every character written passes
 * through, except control characters, which are written in a visible form
 * ({@link Visible}). The only escape sequences let through are spdoctor's own styling (bold, dim,
 * reset, erase to end of line); renderers make pasted text visible before it gets here, so a
 * paste cannot forge those either.
 */
public final class TerminalSafeWriter extends FilterWriter {
  private static final String[] OWN = {"\u001b[1m", "\u001b[2m", "\u001b[0m", "\u001b[K"};
  private final boolean carriageReturn;
  private final StringBuilder pending = new StringBuilder();

  /**
   * @param carriageReturn let a carriage return through (for a live progress line on standard error)
   */
  public TerminalSafeWriter(Writer out, boolean carriageReturn) {
    super(out);
    this.carriageReturn = carriageReturn;
  }

  @Override
  public void write(int c) throws IOException {
    char ch = (char) c;
    if (pending.length() > 0) {
      pending.append(ch);
      String p = pending.toString();
      for (String own : OWN) {
        if (own.equals(p)) {
          out.write(p);
          pending.setLength(0);
          return;
        }
      }
      for (String own : OWN) {
        if (own.startsWith(p)) {
          return; // may still become one of ours
        }
      }
      pending.setLength(0);
      out.write("\\e");
      for (int i = 1; i < p.length(); i++) {
        write(p.charAt(i));
      }
      return;
    }
    if (ch == 0x1b) {
      pending.append(ch);
      return;
    }
    if (ch == '\r' && carriageReturn) {
      out.write(ch);
      return;
    }
    if (Visible.unsafe(ch)) {
      out.write(Visible.of(String.valueOf(ch)));
      return;
    }
    out.write(ch);
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      write(buf[off + i]);
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      write(s.charAt(off + i));
    }
  }

  @Override
  public void flush() throws IOException {
    if (pending.length() > 0) {
      String p = pending.toString();
      pending.setLength(0);
      out.write("\\e");
      for (int i = 1; i < p.length(); i++) {
        write(p.charAt(i));
      }
    }
    super.flush();
  }
}
