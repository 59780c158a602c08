package org.camelkmp.tool;

import java.io.Writer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A writer that hands over every complete line as it is written, so a test can wait for a line from
 * a command running on another thread without sleeping.
 */
final class LineQueue extends Writer {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();

  @Override
  public synchronized void write(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n') {
        lines.add(partial.toString().replace("\r", ""));
        partial.setLength(0);
      } else {
        partial.append(c);
      }
    }
  }

  /** The next line containing {@code text}, waiting up to ten seconds. */
  String await(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no line containing '" + text + "' within 10 s");
      }
      if (line.contains(text)) {
        return line;
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
