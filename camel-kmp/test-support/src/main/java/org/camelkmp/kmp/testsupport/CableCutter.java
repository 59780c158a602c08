package org.camelkmp.kmp.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.camelkmp.kmp.testsupport.TcpRelay.Direction;

/**
 * A {@link TcpRelay} in front of a gateway that can cut the connection in the middle of the meter's
 * next answer: the network between a reader and its ser2net, with a spade. It keeps a log of what
 * it relayed when ({@link #trace(long, long, long)}), the reader's side of the line for a failure
 * report.
 */
public final class CableCutter implements AutoCloseable {
  private final TcpRelay relay;
  private final AtomicInteger cuts = new AtomicInteger();
  private final Deque<String> trace = new ArrayDeque<>();
  private volatile int cutAfter = -1;

  /** Relays a new loopback port to {@code upstreamPort} on loopback. */
  public CableCutter(int upstreamPort) {
    relay = new TcpRelay(upstreamPort, ConnectionTap::new);
  }

  /** The port readers connect to. */
  public int port() {
    return relay.port();
  }

  /** {@code socket://127.0.0.1:port}. */
  public String uri() {
    return relay.uri();
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

  /** One connection's state: how far into an answer it is. */
  private final class ConnectionTap implements TcpRelay.Tap {
    private int inAnswer = -1;

    @Override
    public int relay(Direction direction, byte[] bytes, int length) {
      boolean towardsReader = direction == Direction.TO_READER;
      int pass = length;
      if (towardsReader && cutAfter >= 0) {
        for (int i = 0; i < length; i++) {
          if (inAnswer < 0 && (bytes[i] & 0xFF) == 0x40) {
            inAnswer = 0;
          }
          if (inAnswer >= 0 && inAnswer++ == cutAfter) {
            pass = i;
            break;
          }
        }
      }
      record(
          (towardsReader ? "to reader " : "to gateway ")
              + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, pass)
              + (pass < length ? " (cut)" : ""));
      if (pass < length) {
        cutAfter = -1;
        cuts.incrementAndGet();
      }
      return pass;
    }

    @Override
    public void closed(Direction direction) {
      record((direction == Direction.TO_READER ? "gateway" : "reader") + " side closed");
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

  @Override
  public void close() {
    relay.close();
  }
}
