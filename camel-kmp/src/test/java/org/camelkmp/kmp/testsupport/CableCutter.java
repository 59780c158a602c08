package org.camelkmp.kmp.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transparent TCP relay on a loopback port in front of a gateway, that can cut the connection in
 * the middle of the meter's next answer: the network between a reader and its ser2net, with a
 * spade. Each client connection gets its own connection to the gateway; when either end closes,
 * both do. It keeps a log of what it relayed when ({@link #trace(long, long, long)}), the reader's
 * side of the line for a failure report.
 */
public final class CableCutter implements AutoCloseable {
  private final int upstreamPort;
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger cuts = new AtomicInteger();
  private final java.util.Deque<String> trace = new java.util.ArrayDeque<>();
  private volatile int cutAfter = -1;

  /** Relays a new loopback port to {@code upstreamPort} on loopback. */
  public CableCutter(int upstreamPort) {
    this.upstreamPort = upstreamPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start(this::accept, "cutter-accept");
  }

  /** The port readers connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code socket://127.0.0.1:port}. */
  public String uri() {
    return "socket://127.0.0.1:" + port();
  }

  /**
   * Cuts the connection once the next answer (from its start byte 0x40) has passed {@code bytes}
   * bytes to the reader.
   */
  public void cutInNextAnswer(int bytes) {
    cutAfter = bytes;
  }

  /** Connections cut so far. */
  public int cuts() {
    return cuts.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      Socket upstream = new Socket();
      try {
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      sockets.add(client);
      sockets.add(upstream);
      start(() -> pump(client, upstream, false), "cutter-up");
      start(() -> pump(upstream, client, true), "cutter-down");
    }
  }

  private void pump(Socket from, Socket to, boolean towardsReader) {
    byte[] buffer = new byte[512];
    int inAnswer = -1;
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        int pass = n;
        if (towardsReader && cutAfter >= 0) {
          for (int i = 0; i < n; i++) {
            if (inAnswer < 0 && (buffer[i] & 0xFF) == 0x40) {
              inAnswer = 0;
            }
            if (inAnswer >= 0 && inAnswer++ == cutAfter) {
              pass = i;
              break;
            }
          }
        }
        out.write(buffer, 0, pass);
        out.flush();
        record(
            (towardsReader ? "to reader " : "to gateway ")
                + java.util.HexFormat.ofDelimiter(" ").formatHex(buffer, 0, pass)
                + (pass < n ? " (cut)" : ""));
        if (pass < n) {
          cutAfter = -1;
          cuts.incrementAndGet();
          break;
        }
      }
    } catch (IOException e) {
      // one end went away
    } finally {
      record((towardsReader ? "gateway" : "reader") + " side closed");
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private void record(String event) {
    long now = System.nanoTime();
    synchronized (trace) {
      trace.addLast(now + " " + event);
      if (trace.size() > 10_000) {
        trace.removeFirst();
      }
    }
  }

  /**
   * What was relayed from {@code fromNanos} to {@code toNanos} (System.nanoTime), one line per
   * event, each with its time in milliseconds relative to {@code originNanos}.
   */
  public String trace(long originNanos, long fromNanos, long toNanos) {
    StringBuilder out = new StringBuilder();
    synchronized (trace) {
      for (String line : trace) {
        int space = line.indexOf(' ');
        long at = Long.parseLong(line.substring(0, space));
        if (at >= fromNanos && at <= toNanos) {
          out.append(
              String.format(
                  "  relay %+8.1f ms %s%n", (at - originNanos) / 1e6, line.substring(space + 1)));
        }
      }
    }
    return out.toString();
  }

  private void start(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    sockets.forEach(CableCutter::closeQuietly);
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
