package dev.spdoctor.scan;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;

/**
 * One log to scan: a file or standard input. Opening it undoes what is not text yet: gzip (by its
 * magic bytes, whatever the name) is decompressed as it is read, and UTF-16 with a byte-order mark
 * (Windows PowerShell 5's {@code Out-File}, Event Viewer's text export) is turned into UTF-8.
 * Everything else is read as bytes: UTF-8, or any ASCII-compatible code page, whose non-ASCII
 * letters only ever appear in examples.
 *
 * @param name what reports call it: the path as given, or {@code -} for standard input
 * @param path the file, or null for standard input
 */
public record LogSource(String name, Path path) {
  /**
   * An opened source: its bytes as UTF-8, and how many raw bytes have been read so far.
   *
   * @param in the text, as UTF-8 bytes
   * @param counter raw bytes read so far (compressed bytes for a gzip file)
   * @param size size on disk, or -1 when unknown (standard input)
   * @param compressed whether the source is gzip
   */
  public record Opened(InputStream in, LongSupplier counter, long size, boolean compressed) implements AutoCloseable {
    /** Raw bytes read so far (compressed bytes for a gzip file). */
    public long rawRead() {
      return counter.getAsLong();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Opens the source; standard input is {@code stdin}. Not closing standard input is the caller's choice. */
  public Opened open(InputStream stdin) throws IOException {
    long size = path == null ? -1 : Files.size(path);
    Counting raw = new Counting(path == null ? stdin : Files.newInputStream(path));
    BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
    b.mark(4);
    int m1 = b.read();
    int m2 = b.read();
    b.reset();
    InputStream in = b;
    boolean gz = m1 == 0x1f && m2 == 0x8b;
    if (gz) {
      in = new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
    }
    in.mark(4);
    int c1 = in.read();
    int c2 = in.read();
    int c3 = in.read();
    in.reset();
    if (c1 == 0xff && c2 == 0xfe) {
      in = utf16(in, StandardCharsets.UTF_16LE);
    } else if (c1 == 0xfe && c2 == 0xff) {
      in = utf16(in, StandardCharsets.UTF_16BE);
    } else if (c1 == 0xef && c2 == 0xbb && c3 == 0xbf) {
      in.skip(3);
    }
    return new Opened(in, () -> raw.count, size, gz);
  }

  private static InputStream utf16(InputStream in, Charset charset) throws IOException {
    in.skip(2);
    return new Transcoding(new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }

  /** Counts the bytes read through it. */
  static final class Counting extends FilterInputStream {
    volatile long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Characters from a reader, as UTF-8 bytes. */
  static final class Transcoding extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;

    Transcoding(Reader reader) {
      this.reader = reader;
      chars.flip();
      bytes.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (!bytes.hasRemaining()) {
        if (eof && !chars.hasRemaining()) {
          return -1;
        }
        chars.compact();
        int n = eof ? -1 : reader.read(chars);
        chars.flip();
        if (n < 0) {
          eof = true;
        }
        bytes.clear();
        CoderResult r = encoder.encode(chars, bytes, eof);
        if (r.isError()) {
          throw new IOException("cannot re-encode the text as UTF-8");
        }
        bytes.flip();
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
