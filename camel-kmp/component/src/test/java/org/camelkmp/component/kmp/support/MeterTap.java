package org.camelkmp.component.kmp.support;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.KmpMessage;
import org.camelkmp.kmp.testsupport.TcpRelay;
import org.camelkmp.kmp.testsupport.TcpRelay.Direction;

/**
 * A {@link TcpRelay} in front of a simulated meter's gateway port that records every request frame
 * on its way to the meter: what the meter's side of the wire sees. A request frame runs from its
 * start byte 0x80 to its stop byte 0x0D; byte stuffing keeps both out of the frame's body, so
 * frames are counted exactly.
 */
public final class MeterTap implements AutoCloseable {
  /** One request frame that reached the meter: its destination address and command id. */
  public record Request(int address, int cid) {
    /** Whether this is a request of the given command. */
    public boolean is(CommandId command) {
      return cid == command.code();
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final TcpRelay relay;

  /** Relays a new loopback port to {@code upstreamPort} on loopback. */
  public MeterTap(int upstreamPort) {
    relay = new TcpRelay(upstreamPort, RequestFrames::new);
  }

  /** The port readers connect to. */
  public int port() {
    return relay.port();
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
    return relay.connections();
  }

  /** Cuts one connection's stream towards the meter into request frames. */
  private final class RequestFrames implements TcpRelay.Tap {
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;

    @Override
    public int relay(Direction direction, byte[] bytes, int length) {
      if (direction == Direction.TO_METER) {
        for (int i = 0; i < length; i++) {
          int b = bytes[i] & 0xFF;
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
      return length;
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

  @Override
  public void close() {
    relay.close();
  }
}
