package org.camelkmp.examples.homeassistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state messages not yet acknowledged by the broker, kept on disk in the order they were taken,
 * so that nothing is lost while the broker is away or the application restarts.
 *
 * <p>Each message is one file {@code <sequence>.msg} (the topic on the first line, then the
 * payload), written aside, synced and renamed into place. Once the broker acknowledged a message,
 * its sequence number is recorded in {@code delivered} (synced) before the file is deleted, so a
 * crash between the two never publishes it again. At most {@code capacity} messages are kept; a new
 * one then replaces the oldest, which is logged.
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final String SUFFIX = ".msg";

  /**
   * One kept message.
   *
   * @param sequence its place in the order
   * @param publication what to publish
   */
  public record Entry(long sequence, Publication publication) {}

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

  /** Keeps {@code publication} after the others; returns how many now wait. */
  public synchronized int add(Publication publication) {
    long sequence = next++;
    Path file = dir.resolve(String.format("%019d", sequence) + SUFFIX);
    Path part = dir.resolve("." + file.getFileName() + ".part");
    byte[] topic = (publication.topic() + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel out =
        FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      out.write(java.nio.ByteBuffer.wrap(topic));
      out.write(java.nio.ByteBuffer.wrap(publication.payload()));
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the reading in " + dir, e);
    }
    move(part, file);
    files.put(sequence, file);
    while (files.size() > capacity) {
      var oldest = files.pollFirstEntry();
      delete(oldest.getValue());
      LOG.warn(
          "{} readings wait for the broker, the most ha.buffer.max allows: dropped the oldest",
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
      int newline = indexOf(bytes, (byte) '\n');
      String topic = new String(bytes, 0, newline, StandardCharsets.UTF_8);
      byte[] payload = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
      return Optional.of(new Entry(first.getKey(), new Publication(topic, payload, true)));
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

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("an outbox file without a topic line");
  }
}
