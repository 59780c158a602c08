package org.camelkmp.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 * Messages not yet acknowledged by whatever receives them (an MQTT broker, Kafka), kept on disk in
 * the order they were taken, so that nothing is lost while the receiver is away or the application
 * restarts. A message is opaque bytes; each example encodes its own.
 *
 * <p>Each message is one file {@code <sequence>.msg}, written aside, synced and renamed into place.
 * Once the receiver acknowledged a message, its sequence number is recorded in {@code delivered}
 * (synced) before the file is deleted, so a crash between the two never sends it again. At most
 * {@code capacity} messages are kept; a new one then replaces the oldest, which is logged. One
 * thread takes them ({@link #oldest()}, {@link #delivered(Entry)}); any thread may add.
 */
public final class DiskOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(DiskOutbox.class);
  private static final String SUFFIX = ".msg";

  /**
   * One kept message.
   *
   * @param sequence its place in the order
   * @param bytes the message as it was added
   */
  public record Entry(long sequence, byte[] bytes) {}

  private final Path dir;
  private final int capacity;
  private final String capacitySetting;
  private final TreeMap<Long, Path> files = new TreeMap<>();
  private long next;

  /**
   * Opens the outbox in {@code dir}, taking up what an earlier run left there.
   *
   * @param capacitySetting the setting that sets {@code capacity}, for the warning when full
   */
  public DiskOutbox(Path dir, int capacity, String capacitySetting) {
    this.dir = dir;
    this.capacity = capacity;
    this.capacitySetting = capacitySetting;
    long delivered;
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
      LOG.info("{} readings from an earlier run wait in {} to be sent", files.size(), dir);
    }
  }

  /** Keeps {@code message} after the others; returns how many now wait. */
  public synchronized int add(byte[] message) {
    long sequence = next++;
    Path file = dir.resolve(String.format("%019d", sequence) + SUFFIX);
    Path part = dir.resolve("." + file.getFileName() + ".part");
    try (FileChannel out =
        FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(message));
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the reading in " + dir, e);
    }
    move(part, file);
    files.put(sequence, file);
    while (files.size() > capacity) {
      delete(files.pollFirstEntry().getValue());
      LOG.warn(
          "{} readings wait to be sent, the most {} allows: dropped the oldest",
          capacity,
          capacitySetting);
    }
    notifyAll();
    return files.size();
  }

  /** The oldest message not yet acknowledged. */
  public synchronized Optional<Entry> oldest() {
    var first = files.firstEntry();
    if (first == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Entry(first.getKey(), Files.readAllBytes(first.getValue())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + first.getValue(), e);
    }
  }

  /** Records that the receiver acknowledged {@code entry}, which is then forgotten. */
  public synchronized void delivered(Entry entry) {
    Path part = dir.resolve(".delivered.part");
    try (FileChannel out =
        FileChannel.open(
            part,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap((entry.sequence() + "\n").getBytes(StandardCharsets.US_ASCII)));
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record a delivery in " + dir, e);
    }
    move(part, dir.resolve("delivered"));
    Path file = files.remove(entry.sequence());
    if (file != null) {
      delete(file);
    }
    notifyAll();
  }

  /** How many messages wait. */
  public synchronized int size() {
    return files.size();
  }

  /** Waits up to {@code millis} for a message to be added when none waits. */
  public synchronized void awaitMessage(long millis) throws InterruptedException {
    if (files.isEmpty()) {
      wait(millis);
    }
  }

  /** Waits until no message waits, at most until {@code deadlineNanos}; whether none waits. */
  public synchronized boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
    long left;
    while (!files.isEmpty() && (left = deadlineNanos - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
    return files.isEmpty();
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
