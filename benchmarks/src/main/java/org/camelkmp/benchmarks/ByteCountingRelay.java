package org.camelkmp.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback that counts the bytes it passes each way: a wiretap between a reader and
 * a simulated meter, to count what a reader puts on the wire without trusting the reader to say.
 * Every accepted connection is relayed to the target port; two threads per connection.
 */
public final class ByteCountingRelay implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final AtomicLong toMeter = new AtomicLong();
  private final AtomicLong fromMeter = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  /** Starts relaying an ephemeral loopback port to {@code targetPort} on loopback. */
  public ByteCountingRelay(int targetPort) throws IOException {
    this.targetPort = targetPort;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::accept, "relay-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port readers connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Bytes passed from readers to the meter so far. */
  public long bytesToMeter() {
    return toMeter.get();
  }

  /** Bytes passed from the meter to readers so far. */
  public long bytesFromMeter() {
    return fromMeter.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket meter = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        meter.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(meter);
        pump(client, meter, toMeter);
        pump(meter, client, fromMeter);
      } catch (IOException e) {
        // closed, or one connection failed: the reader will see it
      }
    }
  }

  private static void pump(Socket from, Socket to, AtomicLong counter) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[4096];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  counter.addAndGet(n);
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // connection over
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
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
    sockets.forEach(ByteCountingRelay::closeQuietly);
  }
}
