package org.camelkmp.component.kmp.springboot;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.testsupport.TcpRelay;
import org.camelkmp.kmp.testsupport.TcpRelay.Direction;

/**
 * A {@link TcpRelay} in front of a simulated meter that records the destination address of every
 * request frame on its way to the meter: what the meter's side of the wire sees. A frame runs from
 * its start byte 0x80 to its stop byte 0x0D (byte stuffing keeps both out of its body); a frame
 * that does not decode is recorded as -1.
 */
final class RequestAddresses implements AutoCloseable {
  private final List<Integer> addresses = new CopyOnWriteArrayList<>();
  private final TcpRelay relay;

  /** Relays a new loopback port to the meter's {@code upstreamPort}. */
  RequestAddresses(int upstreamPort) {
    relay = new TcpRelay(upstreamPort, Frames::new);
  }

  /** The port a reader connects to. */
  int port() {
    return relay.port();
  }

  /** The destination address of every request frame relayed so far, in order. */
  List<Integer> seen() {
    return List.copyOf(addresses);
  }

  @Override
  public void close() {
    relay.close();
  }

  /** Cuts one connection's stream towards the meter into request frames. */
  private final class Frames implements TcpRelay.Tap {
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;

    @Override
    public int relay(Direction direction, byte[] bytes, int length) {
      if (direction == Direction.TO_METER) {
        for (int i = 0; i < length; i++) {
          take(bytes[i] & 0xFF);
        }
      }
      return length;
    }

    private void take(int b) {
      if (b == 0x80) {
        frame.reset();
        inFrame = true;
      }
      if (inFrame) {
        frame.write(b);
        if (b == 0x0D) {
          inFrame = false;
          addresses.add(addressOf(frame.toByteArray()));
        }
      }
    }

    private int addressOf(byte[] bytes) {
      try {
        return FrameCodec.decode(bytes).address();
      } catch (RuntimeException e) {
        return -1;
      }
    }
  }
}
