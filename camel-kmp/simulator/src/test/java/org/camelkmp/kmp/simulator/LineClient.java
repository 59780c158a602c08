package org.camelkmp.kmp.simulator;

import java.util.Optional;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.transport.Transport;

/** A minimal reader for tests: writes a request and collects the answer frame or ACK. */
final class LineClient implements AutoCloseable {
  private final Transport line;
  private long lastByteNanos;
  private long firstByteNanos;
  private int bytesRead;

  LineClient(Transport line) {
    this.line = line;
    line.open();
  }

  void send(byte[] bytes) {
    line.write(bytes);
  }

  /** Sends a request to 0x3F and decodes the answer. */
  Optional<KmpResponse> ask(KmpRequest request, long timeoutMillis) {
    send(Wire.request(request));
    return receive(timeoutMillis).map(Wire::response);
  }

  /** Sends bytes and returns the answer frame, failing when none comes. */
  byte[] receiveAfter(byte[] request, long timeoutMillis) {
    send(request);
    return receive(timeoutMillis).orElseThrow(() -> new AssertionError("no answer"));
  }

  /** The next answer frame (start to stop) or lone ACK, or empty when none comes in time. */
  Optional<byte[]> receive(long timeoutMillis) {
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, true);
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    bytesRead = 0;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return Optional.empty();
      }
      int b = line.read(left);
      if (b < 0) {
        continue;
      }
      lastByteNanos = System.nanoTime();
      if (bytesRead++ == 0) {
        firstByteNanos = lastByteNanos;
      }
      FrameReceiver.Event event = receiver.accept(b);
      if (event == FrameReceiver.Event.ACK) {
        return Optional.of(new byte[] {6});
      }
      if (event == FrameReceiver.Event.FRAME) {
        return Optional.of(receiver.frame());
      }
    }
  }

  /** Bytes read by the last {@link #receive(long)}, echo and noise included. */
  int bytesRead() {
    return bytesRead;
  }

  long firstByteNanos() {
    return firstByteNanos;
  }

  long lastByteNanos() {
    return lastByteNanos;
  }

  @Override
  public void close() {
    line.close();
  }
}
