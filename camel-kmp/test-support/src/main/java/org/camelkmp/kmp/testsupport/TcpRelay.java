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
import java.util.function.Supplier;

/**
 * A TCP relay on a loopback port in front of another loopback port: the wire between a reader and a
 * meter's gateway, where a test watches or breaks what passes. Each accepted connection gets its
 * own connection upstream and a {@link Tap} of its own that sees every chunk in both directions
 * before it is passed on; when either end closes, or the tap cuts, both close.
 */
public final class TcpRelay implements AutoCloseable {
  /** Which way a chunk is going. */
  public enum Direction {
    /** From the reader towards the meter. */
    TO_METER,
    /** From the meter towards the reader. */
    TO_READER
  }

  /** Sees each chunk of one connection before it is relayed. */
  @FunctionalInterface
  public interface Tap {
    /**
     * Called with each chunk read from one end, before it is written to the other.
     *
     * @return how many of the {@code length} bytes to pass on; fewer cuts the connection after them
     */
    int relay(Direction direction, byte[] bytes, int length);

    /** Called once when the pump in {@code direction} has stopped: an end closed, or a cut. */
    default void closed(Direction direction) {}
  }

  private final int upstreamPort;
  private final Supplier<Tap> taps;
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  /** Relays a new loopback port to {@code upstreamPort}, with a new tap for every connection. */
  public TcpRelay(int upstreamPort, Supplier<Tap> taps) {
    this.upstreamPort = upstreamPort;
    this.taps = taps;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start(this::accept, "relay-accept-" + server.getLocalPort());
  }

  /** The port readers connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code socket://127.0.0.1:port}. */
  public String uri() {
    return "socket://127.0.0.1:" + port();
  }

  /** Connections accepted and relayed so far. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket reader;
      try {
        reader = server.accept();
      } catch (IOException e) {
        return;
      }
      Socket meter = new Socket();
      try {
        meter.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
        reader.setTcpNoDelay(true);
        meter.setTcpNoDelay(true);
      } catch (IOException e) {
        closeQuietly(reader);
        closeQuietly(meter);
        continue;
      }
      connections.incrementAndGet();
      sockets.add(reader);
      sockets.add(meter);
      Tap tap = taps.get();
      start(() -> pump(reader, meter, Direction.TO_METER, tap), "relay-to-meter");
      start(() -> pump(meter, reader, Direction.TO_READER, tap), "relay-to-reader");
    }
  }

  private void pump(Socket from, Socket to, Direction direction, Tap tap) {
    byte[] buffer = new byte[4096];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        int pass = tap.relay(direction, buffer, n);
        out.write(buffer, 0, pass);
        out.flush();
        if (pass < n) {
          break;
        }
      }
    } catch (IOException e) {
      // one end went away
    } finally {
      tap.closed(direction);
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
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

  /** Stops accepting, closes every relayed connection and waits for the relay's threads. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    sockets.forEach(TcpRelay::closeQuietly);
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
