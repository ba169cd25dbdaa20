package dev.spdoctor.probe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward HTTP proxy on loopback for tests. Every {@code CONNECT host:port} is tunnelled to one
 * local port (the WireMock stub), whatever host was asked for, so the code under test uses the
 * real service host names and nothing leaves the machine. It records the hosts asked for.
 *
 * <p>With {@link #requireAuth(boolean)} it answers 407 to every CONNECT, as a proxy that wants
 * credentials does.
 */
public final class ConnectProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "connect-proxy");
    t.setDaemon(true);
    return t;
  });
  private final List<String> connects = new CopyOnWriteArrayList<>();
  private volatile boolean requireAuth;
  private volatile String expectedAuthorization;

  public ConnectProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT}, for a profile's network.proxy. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The {@code host:port} of every CONNECT received, oldest first. */
  public List<String> connects() {
    return List.copyOf(connects);
  }

  public void clear() {
    connects.clear();
  }

  public void requireAuth(boolean require) {
    this.requireAuth = require;
    this.expectedAuthorization = null;
  }

  /** Answers 407 to every CONNECT that lacks {@code Proxy-Authorization: Basic user:password}. */
  public void requireCredentials(String user, String password) {
    this.requireAuth = true;
    this.expectedAuthorization = "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        pool.execute(() -> handle(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String first = head.lines().findFirst().orElse("");
      String[] parts = first.split(" ");
      OutputStream out = client.getOutputStream();
      if (parts.length < 2 || !"CONNECT".equals(parts[0])) {
        out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      connects.add(parts[1]);
      String given = head.lines().filter(l -> l.regionMatches(true, 0, "Proxy-Authorization:", 0, 20))
          .map(l -> l.substring(20).strip()).findFirst().orElse(null);
      if (requireAuth && (expectedAuthorization == null || !expectedAuthorization.equals(given))) {
        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      try (Socket upstream = new Socket()) {
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread back = new Thread(() -> pump(upstream, client), "connect-proxy-back");
        back.setDaemon(true);
        back.start();
        pump(client, upstream);
        back.join(5000);
      }
    } catch (IOException | InterruptedException e) {
      // the client or the stub went away: nothing to do in a test proxy
    }
  }

  private static void pump(Socket from, Socket to) {
    byte[] buf = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // broken (a reset): break the other side too, as a real proxy does, instead of leaving it hanging
      try {
        to.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }
}
