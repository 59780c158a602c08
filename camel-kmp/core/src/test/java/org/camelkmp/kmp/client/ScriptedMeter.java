package org.camelkmp.kmp.client;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.camelkmp.kmp.error.KmpTransportException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.transport.InMemoryLine;
import org.camelkmp.kmp.transport.Transport;

/**
 * A peer for client tests on an in-memory line that answers each request frame with the next
 * scripted reply, so each test states exactly which bytes come back. Records every request frame.
 */
final class ScriptedMeter implements AutoCloseable {
  private final Transport line;
  private final BlockingQueue<Function<byte[], byte[]>> replies = new LinkedBlockingQueue<>();
  private final List<byte[]> requests = new CopyOnWriteArrayList<>();
  private final Thread thread;

  ScriptedMeter(InMemoryLine memory) {
    this.line = memory.meterSide();
    line.open();
    thread = new Thread(this::serve, "scripted-meter");
    thread.setDaemon(true);
    thread.start();
  }

  /** The next request is answered with these bytes (empty: silence). */
  ScriptedMeter thenReply(byte[] bytes) {
    replies.add(request -> bytes);
    return this;
  }

  /** The next request is answered with bytes computed from the request frame. */
  ScriptedMeter thenReply(Function<byte[], byte[]> reply) {
    replies.add(reply);
    return this;
  }

  /** Request frames received so far. */
  List<byte[]> requests() {
    return requests;
  }

  private void serve() {
    FrameReceiver receiver = new FrameReceiver(Direction.REQUEST, false);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        int b = line.read(50);
        if (b >= 0 && receiver.accept(b) == FrameReceiver.Event.FRAME) {
          byte[] request = receiver.frame();
          requests.add(request);
          Function<byte[], byte[]> reply = replies.poll();
          byte[] answer = reply == null ? new byte[0] : reply.apply(request);
          if (answer.length > 0) {
            line.write(answer);
          }
        }
      }
    } catch (KmpTransportException closed) {
      // the test closed the line
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    line.close();
  }
}
