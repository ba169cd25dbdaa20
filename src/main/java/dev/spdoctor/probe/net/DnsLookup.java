package dev.spdoctor.probe.net;

import dev.spdoctor.profile.Profile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks names up, all at once and within one time limit: with dnsjava against the profile's
 * {@code network.dns-server}, else with the system resolver. IP literals are answered as themselves.
 */
public final class DnsLookup {
  /** Threads for the system resolver, which cannot be interrupted; daemons, so a hung lookup never holds the JVM. */
  private static final Executor SYSTEM = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "spdoctor-dns");
    t.setDaemon(true);
    return t;
  });

  /**
   * An answer.
   *
   * @param kind {@code addresses}, {@code nxdomain}, {@code servfail}, {@code timeout}, {@code no-address},
   *     or another response code in lower case ({@code refused} ...)
   * @param addresses the addresses, when {@code addresses}
   */
  public record Answer(String kind, List<String> addresses) {
    /** The value for an observation: the addresses comma-separated, or the kind. */
    public String value() {
      return "addresses".equals(kind) ? String.join(",", addresses) : kind;
    }

    public boolean resolved() {
      return "addresses".equals(kind);
    }
  }

  private final String server;
  private final InetSocketAddress address;
  private final Duration timeout;

  private DnsLookup(String server, InetSocketAddress address, Duration timeout) {
    this.server = server;
    this.address = address;
    this.timeout = timeout;
  }

  /**
   * The lookup the profile asks for.
   *
   * @throws IllegalArgumentException when {@code network.dns-server} is not {@code host} or {@code host:port}
   */
  public static DnsLookup of(Profile.Network network, Duration timeout) {
    String s = network.dnsServer();
    if (s == null || s.isBlank()) {
      return new DnsLookup(null, null, timeout);
    }
    String host = s.strip();
    int port = 53;
    int colon = host.lastIndexOf(':');
    if (host.startsWith("[") && host.contains("]")) {
      int close = host.indexOf(']');
      if (close + 1 < host.length() && host.charAt(close + 1) == ':') {
        port = port(host.substring(close + 2), s);
      }
      host = host.substring(1, close);
    } else if (colon > 0 && host.indexOf(':') == colon) {
      port = port(host.substring(colon + 1), s);
      host = host.substring(0, colon);
    }
    InetSocketAddress a = new InetSocketAddress(host, port);
    if (a.isUnresolved()) {
      throw new IllegalArgumentException("network.dns-server: cannot resolve " + host);
    }
    return new DnsLookup(s.strip(), a, timeout);
  }

  private static int port(String p, String whole) {
    try {
      int n = Integer.parseInt(p);
      if (n > 0 && n < 65536) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("network.dns-server must be host or host:port, not " + whole);
  }

  /** {@code system}, or the server as the profile names it. */
  public String resolver() {
    return server == null ? "system" : server;
  }

  /** Looks every name up at once; all answers are in within the time limit. */
  public Map<String, Answer> lookUp(List<String> names) throws InterruptedException {
    Map<String, CompletableFuture<Answer>> pending = new LinkedHashMap<>();
    for (String n : names) {
      if (Names.isIpLiteral(n)) {
        pending.put(n, CompletableFuture.completedFuture(new Answer("addresses", List.of(n))));
      } else if (!pending.containsKey(n)) {
        pending.put(n, server == null ? system(n) : query(n));
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(250);
    Map<String, Answer> out = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<Answer>> e : pending.entrySet()) {
      try {
        out.put(e.getKey(), e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException ex) {
        e.getValue().cancel(true);
        out.put(e.getKey(), new Answer("timeout", List.of()));
      } catch (ExecutionException ex) {
        out.put(e.getKey(), failure(ex.getCause()));
      }
    }
    return out;
  }

  private static Answer failure(Throwable t) {
    if (t instanceof UnknownHostException) {
      return new Answer("nxdomain", List.of());
    }
    String m = String.valueOf(t == null ? null : t.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("timed out") || m.contains("timeout") || t instanceof java.net.SocketTimeoutException) {
      return new Answer("timeout", List.of());
    }
    return new Answer(t instanceof IOException ? "unreachable" : "error", List.of());
  }

  private CompletableFuture<Answer> system(String name) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        List<String> a = new ArrayList<>();
        for (InetAddress i : InetAddress.getAllByName(name)) {
          a.add(i.getHostAddress());
        }
        return new Answer("addresses", a);
      } catch (UnknownHostException e) {
        return new Answer("nxdomain", List.of());
      }
    }, SYSTEM);
  }

  private CompletableFuture<Answer> query(String host) {
    Name name;
    try {
      name = Name.fromString(host.endsWith(".") ? host : host + ".");
    } catch (TextParseException e) {
      return CompletableFuture.completedFuture(new Answer("not-a-name", List.of()));
    }
    SimpleResolver r = new SimpleResolver(address);
    r.setTimeout(timeout);
    return r.sendAsync(Message.newQuery(Record.newRecord(name, Type.A, DClass.IN))).toCompletableFuture()
        .thenCompose(m -> {
          Answer a = read(m);
          if (!"no-address".equals(a.kind())) {
            return CompletableFuture.completedFuture(a);
          }
          return r.sendAsync(Message.newQuery(Record.newRecord(name, Type.AAAA, DClass.IN))).toCompletableFuture()
              .thenApply(DnsLookup::read);
        });
  }

  private static Answer read(Message m) {
    int rcode = m.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return new Answer("nxdomain", List.of());
    }
    if (rcode == Rcode.SERVFAIL) {
      return new Answer("servfail", List.of());
    }
    if (rcode != Rcode.NOERROR) {
      return new Answer(Rcode.string(rcode).toLowerCase(Locale.ROOT), List.of());
    }
    List<String> a = new ArrayList<>();
    for (Record rec : m.getSection(Section.ANSWER)) {
      if (rec instanceof ARecord ar) {
        a.add(ar.getAddress().getHostAddress());
      } else if (rec instanceof AAAARecord ar) {
        a.add(ar.getAddress().getHostAddress());
      }
    }
    return a.isEmpty() ? new Answer("no-address", List.of()) : new Answer("addresses", a);
  }
}
