package dev.spdoctor.scan;

import dev.spdoctor.kb.Signature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams logs through the prefilter and the signatures in constant memory: each source is read
 * in blocks of {@link #BLOCK} bytes, a block is matched (on a worker thread) once the block after
 * it has been read, and results are taken in order. At most {@code threads + 4} blocks are held at
 * once, whatever the size of the log.
 */
public final class LogScanner {
  /** Bytes per block. */
  public static final int BLOCK = 4 * 1024 * 1024;

  /** Told how far the scan is, from the scanning thread. */
  public interface Progress {
    /** {@code source} is being read: {@code done} raw bytes of {@code size} (-1 when unknown). */
    void read(LogSource source, long done, long size, long totalDone);

    /** The scan is over. */
    void finished();
  }

  private final Prefilter prefilter;
  private final BlockMatcher blocks;
  private final int threads;

  private final int blockSize;

  /** A scanner for {@code signatures}, matching with the engine's own signature matcher. */
  public LogScanner(List<Signature> signatures, int threads) {
    this(signatures, threads, BLOCK);
  }

  /** With another block size: tests put hits across block boundaries with small ones. */
  LogScanner(List<Signature> signatures, int threads, int blockSize) {
    this.prefilter = Prefilter.of(signatures);
    this.blocks = new BlockMatcher(prefilter);
    this.threads = Math.max(1, threads);
    if (blockSize < 2 * BlockMatcher.REACH + BlockMatcher.MAX_LINE) {
      throw new IllegalArgumentException("block size " + blockSize + " is smaller than a window can reach");
    }
    this.blockSize = blockSize;
  }

  public Prefilter prefilter() {
    return prefilter;
  }

  /** Scans every source in order into {@code into}. */
  public void scan(List<LogSource> sources, InputStream stdin, Hits into, Progress progress) throws IOException {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "spdoctor-scan");
      t.setDaemon(true);
      return t;
    }) : null;
    long[] total = {0};
    try {
      for (LogSource s : sources) {
        try {
          scanOne(s, stdin, into, progress, pool, total);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
          throw new ScanException(s.name() + ": the gzip data is damaged or cut short; test the file with"
              + " `gzip -t`, or scan the part that unpacks with `zcat FILE | spdoctor scan -`");
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      if (progress != null) {
        progress.finished();
      }
    }
  }

  private void scanOne(LogSource source, InputStream stdin, Hits into, Progress progress, ExecutorService pool,
      long[] total) throws IOException {
    into.startSource(source);
    boolean compressed;
    try (LogSource.Opened opened = source.open(stdin)) {
      compressed = opened.compressed();
      InputStream in = opened.in();
      ArrayDeque<Future<BlockMatcher.Result>> pending = new ArrayDeque<>();
      // Blocks live in a ring: block k in slot k % ring. A task reads blocks k-1..k+1 and at most
      // `threads` tasks are pending, so a slot is reused only once no task can still read it; the
      // heap holds the same few arrays however long the log is.
      byte[][] ring = new byte[threads + 4][];
      long k = 0;
      byte[] prev = null;
      int prevLen = 0;
      byte[] cur = slot(ring, k);
      int curLen = in.readNBytes(cur, 0, blockSize);
      long rawBefore = 0;
      checkNotBinary(source, cur, curLen);
      while (curLen > 0) {
        byte[] next = slot(ring, k + 1);
        int nextLen = in.readNBytes(next, 0, blockSize);
        long raw = opened.rawRead();
        total[0] += raw - rawBefore;
        rawBefore = raw;
        BlockMatcher.View view = new BlockMatcher.View(prev, prevLen, cur, curLen, nextLen > 0 ? next : null, nextLen);
        if (pool != null) {
          pending.add(pool.submit(() -> blocks.match(view)));
          while (pending.size() > threads) {
            into.block(take(pending.poll()));
          }
        } else {
          into.block(blocks.match(view));
        }
        if (progress != null) {
          progress.read(source, raw, opened.size(), total[0]);
        }
        prev = cur;
        prevLen = curLen;
        cur = next;
        curLen = nextLen;
        k++;
      }
      while (!pending.isEmpty()) {
        into.block(take(pending.poll()));
      }
    }
    into.endSource(compressed);
  }

  private byte[] slot(byte[][] ring, long k) {
    int i = (int) (k % ring.length);
    if (ring[i] == null) {
      ring[i] = new byte[blockSize];
    }
    return ring[i];
  }

  private static void checkNotBinary(LogSource source, byte[] b, int len) {
    int n = Math.min(len, 8192);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        throw new ScanException(source.name() + " looks binary (a NUL byte at offset " + i
            + "); give a text log, or a .gz of one");
      }
    }
  }

  private static BlockMatcher.Result take(Future<BlockMatcher.Result> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException(new IOException(c));
    }
  }

  /** Receives block results in order. */
  public interface Hits {
    void startSource(LogSource source);

    void block(BlockMatcher.Result result);

    void endSource(boolean compressed);
  }
}
