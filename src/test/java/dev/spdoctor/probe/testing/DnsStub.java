package dev.spdoctor.probe.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNS server on 127.0.0.1 (UDP, a free port) for tests, using dnsjava's message codec. It
 * answers A queries from a zone map; an unknown name gets NXDOMAIN ({@link Mode#HONEST}), a fixed
 * address ({@link Mode#HIJACK}, as a rewriting resolver does), or nothing at all
 * ({@link Mode#SILENT}). A known name asked for another type gets an empty NOERROR.
 */
public final class DnsStub implements AutoCloseable, AfterAllCallback, BeforeEachCallback {
  /** How unknown names (and, for SILENT, every name) are answered. */
  public enum Mode { HONEST, HIJACK, SILENT }

  private final DatagramSocket socket;
  private final Map<String, String> zone = new ConcurrentHashMap<>();
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.HONEST;
  private volatile String hijackAddress = "198.51.100.7";

  /**
   * A stub for a test class: {@code @RegisterExtension static final DnsStub dns = DnsStub.perTestClass();}
   * resets it before each test and closes it after the last.
   */
  public static DnsStub perTestClass() {
    try {
      return new DnsStub();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  public DnsStub() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread t = new Thread(this::serve, "dns-stub");
    t.setDaemon(true);
    t.start();
  }

  /** {@code 127.0.0.1:PORT}, for a profile's network.dns-server. */
  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  /** Answers this name (without the trailing dot) with this IPv4 address. */
  public DnsStub add(String name, String ipv4) {
    zone.put(name.toLowerCase(Locale.ROOT), ipv4);
    return this;
  }

  public DnsStub mode(Mode m) {
    this.mode = m;
    return this;
  }

  /** Hijack mode, answering every unknown name with this address. */
  public DnsStub hijack(String ipv4) {
    this.hijackAddress = ipv4;
    return mode(Mode.HIJACK);
  }

  /** The names asked, with their type ({@code contoso.sharepoint.com./A}), oldest first. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  public void reset() {
    zone.clear();
    asked.clear();
    mode = Mode.HONEST;
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        Record question = q.getQuestion();
        asked.add(question.getName() + "/" + Type.string(question.getType()));
        if (mode == Mode.SILENT) {
          continue;
        }
        byte[] out = answer(q, question).toWire();
        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private Message answer(Message q, Record question) throws IOException {
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.RA);
    if (q.getHeader().getFlag(Flags.RD)) {
      r.getHeader().setFlag(Flags.RD);
    }
    r.addRecord(question, Section.QUESTION);
    String name = question.getName().toString(true).toLowerCase(Locale.ROOT);
    String known = zone.get(name);
    String address = known != null ? known : mode == Mode.HIJACK ? hijackAddress : null;
    if (address == null) {
      r.getHeader().setRcode(Rcode.NXDOMAIN);
    } else if (question.getType() == Type.A) {
      r.addRecord(new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName(address)), Section.ANSWER);
    }
    return r;
  }

  @Override
  public void close() {
    socket.close();
  }
}
