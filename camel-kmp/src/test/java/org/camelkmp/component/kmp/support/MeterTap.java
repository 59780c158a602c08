package org.camelkmp.component.kmp.support;

import java.io.ByteArrayOutputStream;
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
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.KmpMessage;

/**
 * A transparent TCP relay on a loopback port in front of a simulated meter's gateway port that
 * records every request frame on its way to the meter: what the meter's side of the wire sees. A
 * request frame runs from its start byte 0x80 to its stop byte 0x0D; byte stuffing keeps both out
 * of the frame's body, so frames are counted exactly.
 */
public final class MeterTap implements AutoCloseable {
  /** One request frame that reached the meter: its destination address and command id. */
  public record Request(int address, int cid) {
    /** Whether this is a request of the given command. */
    public boolean is(CommandId command) {
      return cid == command.code();
    }
  }

  private final int upstreamPort;
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  /** Relays a new loopback port to {@code upstreamPort} on loopback. */
  public MeterTap(int upstreamPort) {
    this.upstreamPort = upstreamPort;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start(this::accept, "tap-accept");
  }

  /** The port readers connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Every request frame relayed to the meter so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** How many request frames of {@code command} reached the meter. */
  public long count(CommandId command) {
    return requests.stream().filter(r -> r.is(command)).count();
  }

  /** How many request frames of any kind reached the meter. */
  public int count() {
    return requests.size();
  }

  /** TCP connections accepted so far. */
  public int connections() {
    return connections.get();
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
      connections.incrementAndGet();
      sockets.add(client);
      sockets.add(upstream);
      start(() -> pump(client, upstream, true), "tap-up");
      start(() -> pump(upstream, client, false), "tap-down");
    }
  }

  private void pump(Socket from, Socket to, boolean towardsMeter) {
    byte[] buffer = new byte[512];
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    boolean inFrame = false;
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (towardsMeter) {
          for (int i = 0; i < n; i++) {
            int b = buffer[i] & 0xFF;
            if (b == 0x80) {
              frame.reset();
              inFrame = true;
            }
            if (inFrame) {
              frame.write(b);
              if (b == 0x0D) {
                record(frame.toByteArray());
                inFrame = false;
              }
            }
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one end went away
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private void record(byte[] frame) {
    try {
      DecodedFrame decoded = FrameCodec.decode(frame);
      KmpMessage message = decoded.message();
      requests.add(new Request(decoded.address(), message.cid()));
    } catch (RuntimeException e) {
      requests.add(new Request(-1, -1));
    }
  }

  private static void start(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
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
    sockets.forEach(MeterTap::closeQuietly);
  }
}
