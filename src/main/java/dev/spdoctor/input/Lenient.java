package dev.spdoctor.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that forgives a few stray bytes: a log that is UTF-8 but for a Windows-1252
 * character here and there (a pasted "é", a curly quote) is read, each stray byte as the
 * Windows-1252 character it most likely was, and a warning says so. Only text where more than
 * {@link #MAX_STRAY_SHARE} of the bytes are stray is refused: that is another encoding, or binary.
 */
final class Lenient {
  /** The largest share of stray bytes still read as text. */
  static final double MAX_STRAY_SHARE = 0.05;
  private static final Charset CP1252 = windows1252();

  private Lenient() {}

  static String utf8(String label, byte[] bytes, int offset, java.util.function.Consumer<String> warn) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length - offset + 16);
    int stray = 0;
    int first = -1;
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      if (r.isOverflow()) {
        throw new IllegalStateException("output buffer too small"); // cannot happen: one char per byte at most
      }
      for (int i = 0; i < r.length(); i++) {
        byte b = in.get();
        if (first < 0) {
          first = in.position() - 1;
        }
        stray++;
        out.put(CP1252 == null ? '\uFFFD' : new String(new byte[] {b}, CP1252).charAt(0));
      }
    }
    if (stray == 0) {
      return out.flip().toString();
    }
    int length = bytes.length - offset;
    if (stray > MAX_STRAY_SHARE * length) {
      throw new InputException(label + " is not valid UTF-8 (" + stray + " of " + length + " bytes are not, the first at"
          + " offset " + first + "); save it as UTF-8, e.g. " + TextInput.reencodeHint());
    }
    warn.accept(label + ": " + stray + (stray == 1 ? " byte was" : " bytes were") + " not UTF-8 (the first at offset "
        + first + "); read as Windows-1252 characters");
    return out.flip().toString();
  }

  private static Charset windows1252() {
    try {
      return Charset.forName("windows-1252");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
