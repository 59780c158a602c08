package org.camelkmp.kmp.simulator;

import java.util.concurrent.locks.LockSupport;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.transport.PacedTransport;
import org.camelkmp.kmp.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a meter on one open line (a TCP connection or a serial port) until the line closes or
 * breaks or {@link #stop()} is called: finds request frames in the incoming bytes with its own
 * {@link FrameReceiver} (so stray bytes and garbage are skipped), lets the meter answer, and sends
 * the {@link Reply} with the line's timing. Closes the line when done.
 *
 * <p>In real time a request counts as received only once its bytes could have crossed the line: at
 * the arrival of its start byte plus its length times the line's byte time (see {@link
 * LineTiming}).
 */
final class MeterSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MeterSession.class);
  private static final long POLL_MILLIS = 100;

  private final SimulatedMeter meter;
  private final Transport line;
  private final long thinkNanos;
  private final long receiveNanosPerByte;
  private final FrameReceiver receiver = new FrameReceiver(Direction.REQUEST, false);
  private volatile boolean stopped;

  MeterSession(SimulatedMeter meter, Transport line, LineTiming timing) {
    this.meter = meter;
    this.line = timing.realtime() ? new PacedTransport(line, timing.settings()) : line;
    this.thinkNanos = timing.thinkTime().toNanos();
    this.receiveNanosPerByte = timing.realtime() ? timing.settings().nanosPerByte() : 0;
  }

  String name() {
    return line.name();
  }

  @Override
  public void run() {
    try {
      long frameStartNanos = 0;
      while (!stopped) {
        int b = line.read(POLL_MILLIS);
        if (b < 0) {
          continue;
        }
        long arrived = System.nanoTime();
        if (receive(b)) {
          byte[] frame = receiver.frame();
          long received = Math.max(arrived, frameStartNanos + frame.length * receiveNanosPerByte);
          send(answer(frame), received);
        } else if (receiver.inFrame() && receiver.partialLength() == 1) {
          frameStartNanos = arrived; // this byte started a frame
        }
      }
    } catch (KmpException e) {
      LOG.debug("{}: session over: {}", line.name(), e.getMessage());
    } finally {
      line.close();
    }
  }

  /** The meter's reply; a failure inside the simulator is logged and answered with silence. */
  private Reply answer(byte[] frame) {
    try {
      return meter.exchange(frame);
    } catch (RuntimeException e) {
      LOG.warn("{}: the simulated meter failed on a request; staying silent", line.name(), e);
      return Reply.SILENT;
    }
  }

  private boolean receive(int b) {
    try {
      return receiver.accept(b) == FrameReceiver.Event.FRAME;
    } catch (KmpFramingException e) {
      return false; // an overlong frame is garbage: drop it and keep listening
    }
  }

  private void send(Reply reply, long receivedNanos) {
    if (reply.echo().length > 0) {
      line.write(reply.echo());
    }
    if (reply.answer().length == 0) {
      return;
    }
    long delay = reply.delay().toNanos();
    waitUntil(receivedNanos + thinkNanos + delay);
    if (!stopped) {
      line.write(reply.answer());
    }
  }

  private void waitUntil(long deadline) {
    long remaining;
    while (!stopped && (remaining = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, remaining);
    }
  }

  /** Ends the session from another thread: closes the line, which wakes a blocked read. */
  void stop() {
    stopped = true;
    line.close();
  }
}
