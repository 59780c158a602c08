package org.camelkmp.component.kmp.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.simulator.FaultPlan;
import org.camelkmp.kmp.transport.Transport;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * The simulated meter's end of the line, tapped: every GetRegister answer the meter put on the line
 * as a whole valid frame (after its faults: a corrupted or truncated answer does not count), with
 * the number its fault plan gave the request it answers and how long after that request it went
 * out. What the meter answered is what a reader may deliver.
 */
final class MeterAnswerLog implements Transport {
  /**
   * One valid answer.
   *
   * @param key the meter's date and clock in it
   * @param request the number of the request it answers, as the meter's fault plan counts them
   * @param afterRequestMillis how long after that request had arrived it went out
   * @param requestNanos when the request had arrived (System.nanoTime)
   * @param writtenNanos when the answer went out
   */
  record Answer(
      String key, long request, long afterRequestMillis, long requestNanos, long writtenNanos) {}

  private final Transport line;
  private final FaultPlan plan;
  private final FrameReceiver requests = new FrameReceiver(Direction.REQUEST, false);
  private final List<Answer> answers = new ArrayList<>();
  private volatile long lastRequestNanos = System.nanoTime();

  /**
   * @param plan the served meter's fault plan: the meter answers on the thread that wrote the
   *     request's number into it, before it reads the next request
   */
  MeterAnswerLog(Transport line, FaultPlan plan) {
    this.line = line;
    this.plan = plan;
  }

  /** The key of a reading: the meter's DATE and CLOCK registers in it. */
  static Optional<String> key(List<RegisterValue> values) {
    String date = null;
    String clock = null;
    for (RegisterValue value : values) {
      if (value.id() == 1003) {
        date = value.decimal().toPlainString();
      } else if (value.id() == 1002) {
        clock = value.decimal().toPlainString();
      }
    }
    return date == null || clock == null ? Optional.empty() : Optional.of(date + " " + clock);
  }

  synchronized List<Answer> answers() {
    return new ArrayList<>(answers);
  }

  @Override
  public String name() {
    return line.name();
  }

  @Override
  public void open() {
    line.open();
  }

  @Override
  public boolean isOpen() {
    return line.isOpen();
  }

  @Override
  public void write(byte[] bytes) {
    long request = plan.requestsSeen();
    line.write(bytes);
    long now = System.nanoTime();
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, false);
    for (byte b : bytes) {
      try {
        if (receiver.accept(b) != FrameReceiver.Event.FRAME) {
          continue;
        }
        DecodedFrame frame = FrameCodec.decode(receiver.frame());
        if (frame.message() instanceof GetRegisterResponse response) {
          Optional<String> key = key(response.values());
          if (key.isPresent()) {
            synchronized (this) {
              long asked = lastRequestNanos;
              answers.add(new Answer(key.get(), request, (now - asked) / 1_000_000, asked, now));
            }
          }
        }
      } catch (KmpException e) {
        // not a valid answer: a reader cannot deliver it
      }
    }
  }

  @Override
  public int read(long timeoutMillis) {
    int b = line.read(timeoutMillis);
    if (b >= 0) {
      try {
        if (requests.accept(b) == FrameReceiver.Event.FRAME) {
          lastRequestNanos = System.nanoTime();
        }
      } catch (KmpException e) {
        // garbage
      }
    }
    return b;
  }

  @Override
  public void discardInput() {
    line.discardInput();
  }

  @Override
  public void close() {
    line.close();
  }
}
