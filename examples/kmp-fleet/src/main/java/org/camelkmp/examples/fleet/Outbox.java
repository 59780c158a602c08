package org.camelkmp.examples.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readings not yet acknowledged by Kafka, kept on disk in the order they were taken, so that
 * nothing is lost while the broker is away or the node restarts.
 *
 * <p>Each reading is one file {@code <sequence>.msg} (its key, reading id and meter id on the first
 * three lines, then the JSON), written aside, synced and renamed into place. Once the broker
 * acknowledged a message, its sequence number is recorded in {@code delivered} (synced) before the
 * file is deleted, so a crash between the two never publishes it again. At most {@code capacity}
 * messages are kept; a new one then replaces the oldest, which is logged.
 */
final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final String SUFFIX = ".msg";

  /**
   * One kept message.
   *
   * @param sequence its place in the order
   * @param reading what to send
   */
  record Entry(long sequence, Reading reading) {}

  private final Path dir;
  private final int capacity;
  private final TreeMap<Long, Path> files = new TreeMap<>();
  private long delivered;
  private long next;

  /** Opens the outbox in {@code dir}, taking up what an earlier run left there. */
  public Outbox(Path dir, int capacity) {
    this.dir = dir;
    this.capacity = capacity;
    try {
      Files.createDirectories(dir);
      Path mark = dir.resolve("delivered");
      delivered = Files.exists(mark) ? Long.parseLong(Files.readString(mark).trim()) : 0;
      try (Stream<Path> list = Files.list(dir)) {
        for (Path file : list.toList()) {
          String name = file.getFileName().toString();
          if (name.startsWith(".")) {
            Files.delete(file); // a message not completely written: it was never taken
          } else if (name.endsWith(SUFFIX)) {
            long sequence = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            if (sequence <= delivered) {
              Files.delete(file); // acknowledged before a crash, deleted now
            } else {
              files.put(sequence, file);
            }
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read the outbox " + dir + ": " + e, e);
    }
    next = Math.max(delivered, files.isEmpty() ? 0 : files.lastKey()) + 1;
    if (!files.isEmpty()) {
      LOG.info("{} readings from an earlier run wait in {} to be published", files.size(), dir);
    }
  }

  /** Keeps {@code reading} after the others; returns how many now wait. */
  public synchronized int add(Reading reading) {
    long sequence = next++;
    Path file = dir.resolve(String.format("%019d", sequence) + SUFFIX);
    Path part = dir.resolve("." + file.getFileName() + ".part");
    byte[] head =
        (reading.key() + "\n" + reading.readingId() + "\n" + reading.meter() + "\n")
            .getBytes(StandardCharsets.UTF_8);
    try (FileChannel out =
        FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(java.nio.ByteBuffer.wrap(head));
      out.write(java.nio.ByteBuffer.wrap(reading.json().getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the reading in " + dir, e);
    }
    move(part, file);
    files.put(sequence, file);
    notifyAll();
    while (files.size() > capacity) {
      var oldest = files.pollFirstEntry();
      delete(oldest.getValue());
      LOG.warn(
          "{} readings wait for Kafka, the most fleet.buffer.max allows: dropped the oldest",
          capacity);
    }
    return files.size();
  }

  /** The oldest message not yet acknowledged. */
  public synchronized Optional<Entry> oldest() {
    var first = files.firstEntry();
    if (first == null) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(first.getValue());
      String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 4);
      if (parts.length != 4) {
        throw new IllegalStateException("an outbox file without its three header lines");
      }
      return Optional.of(
          new Entry(first.getKey(), new Reading(parts[0], parts[1], parts[2], parts[3])));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + first.getValue(), e);
    }
  }

  /** Records that the broker acknowledged {@code entry}, which is then forgotten. */
  public synchronized void delivered(Entry entry) {
    Path mark = dir.resolve("delivered");
    Path part = dir.resolve(".delivered.part");
    try (FileChannel out =
        FileChannel.open(
            part,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(
          java.nio.ByteBuffer.wrap((entry.sequence() + "\n").getBytes(StandardCharsets.US_ASCII)));
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record a delivery in " + dir, e);
    }
    move(part, mark);
    delivered = entry.sequence();
    Path file = files.remove(entry.sequence());
    if (file != null) {
      delete(file);
    }
    notifyAll();
  }

  /** Waits up to {@code millis} for a reading to be added when none waits. */
  public synchronized void awaitReading(long millis) throws InterruptedException {
    if (files.isEmpty()) {
      wait(millis);
    }
  }

  /** Waits until no reading waits, at most until {@code deadlineNanos}; whether none waits. */
  public synchronized boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
    long left;
    while (!files.isEmpty() && (left = deadlineNanos - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    return files.isEmpty();
  }

  /** How many messages wait. */
  public synchronized int size() {
    return files.size();
  }

  /** Where the messages are kept. */
  public Path directory() {
    return dir;
  }

  private void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + to, e);
    }
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private void syncDirectory() {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some platforms (Windows) cannot open a directory; the files themselves are synced
      LOG.debug("cannot sync directory {}: {}", dir, e.toString());
    }
  }
}
