package org.camelkmp.benchmarks.scale;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.StringJoiner;
import org.camelkmp.benchmarks.Meters;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.simulator.SimulatedMeter;

/**
 * The scale benchmark's meters: N simulated MULTICAL 403s, each on its own loopback TCP port as a
 * ser2net gateway would expose it, all served from one selector thread in a process of their own
 * (so the reader's JVM measures only the reader). Each meter is a {@link SimulatedMeter} answering
 * by the simulator's rules at once, without real-time pacing.
 *
 * <p>Not the project's {@code TcpMeterServer}, which spends two threads per meter and wakes every
 * idle connection ten times a second: at 5,000 meters that is 10,000 threads and tens of thousands
 * of wake-ups a second on the same cores as the reader being measured.
 *
 * <p>{@code java -cp benchmarks.jar org.camelkmp.benchmarks.scale.MeterFarm N PORTS_FILE} writes
 * the ports, one a line, prints {@code READY}, and serves until its standard input closes.
 */
public final class MeterFarm {
  private MeterFarm() {}

  /** One accepted reader connection. */
  private static final class Connection {
    final SimulatedMeter meter;
    final FrameReceiver receiver = new FrameReceiver(Direction.REQUEST, false);
    final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();

    Connection(SimulatedMeter meter) {
      this.meter = meter;
    }
  }

  public static void main(String[] args) throws IOException {
    int meters = Integer.parseInt(args[0]);
    Path portsFile = Path.of(args[1]);
    Selector selector = Selector.open();
    StringJoiner ports = new StringJoiner("\n", "", "\n");
    for (int i = 0; i < meters; i++) {
      ServerSocketChannel server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT, new SimulatedMeter(Meters.config(i + 1)));
      ports.add(Integer.toString(server.socket().getLocalPort()));
    }
    Files.writeString(portsFile, ports.toString(), StandardCharsets.US_ASCII);
    Thread watchdog = new Thread(MeterFarm::exitWhenStdinCloses, "farm-stdin");
    watchdog.setDaemon(true);
    watchdog.start();
    System.out.println("READY " + meters);
    System.out.flush();
    serve(selector);
  }

  private static void exitWhenStdinCloses() {
    try (InputStream in = System.in) {
      while (in.read() >= 0) {
        // ignore input
      }
    } catch (IOException e) {
      // treat as closed
    }
    System.exit(0);
  }

  private static void serve(Selector selector) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
    while (true) {
      selector.select();
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        try {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept(selector, key);
          } else {
            if (key.isReadable()) {
              read(key, buffer);
            }
            if (key.isValid() && key.isWritable()) {
              flush(key);
            }
          }
        } catch (IOException e) {
          close(key);
        }
      }
    }
  }

  private static void accept(Selector selector, SelectionKey key) throws IOException {
    SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
    if (client == null) {
      return;
    }
    client.configureBlocking(false);
    client.setOption(StandardSocketOptions.TCP_NODELAY, true);
    client.register(
        selector, SelectionKey.OP_READ, new Connection((SimulatedMeter) key.attachment()));
  }

  private static void read(SelectionKey key, ByteBuffer buffer) throws IOException {
    SocketChannel channel = (SocketChannel) key.channel();
    Connection connection = (Connection) key.attachment();
    buffer.clear();
    int n = channel.read(buffer);
    if (n < 0) {
      close(key);
      return;
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      int b = buffer.get() & 0xFF;
      FrameReceiver.Event event;
      try {
        event = connection.receiver.accept(b);
      } catch (KmpFramingException e) {
        continue; // garbage: keep listening, as the simulator does
      }
      if (event == FrameReceiver.Event.FRAME) {
        Optional<byte[]> answer = connection.meter.respond(connection.receiver.frame());
        answer.ifPresent(bytes -> connection.pending.add(ByteBuffer.wrap(bytes)));
      }
    }
    flush(key);
  }

  private static void flush(SelectionKey key) throws IOException {
    SocketChannel channel = (SocketChannel) key.channel();
    Connection connection = (Connection) key.attachment();
    while (!connection.pending.isEmpty()) {
      ByteBuffer next = connection.pending.peek();
      channel.write(next);
      if (next.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        return;
      }
      connection.pending.poll();
    }
    if (key.interestOps() != SelectionKey.OP_READ) {
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private static void close(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
