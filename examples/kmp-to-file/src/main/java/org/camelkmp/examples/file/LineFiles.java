package org.camelkmp.examples.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the day files whole. Camel's file producer appends each reading in one write, so a crashed
 * JVM leaves a line either whole or absent; two gaps remain, closed here:
 *
 * <ul>
 *   <li>{@link #force(String)}: Camel 4.18's file producer does not sync to disk (its {@code
 *       forceWrites} option has no effect there), so after each append the file and its directory
 *       are synced: an acknowledged line survives a power cut or kernel crash.
 *   <li>{@link #cutTornTail(String)}: a power cut or a full disk during a write can leave the last
 *       line incomplete; the next append would glue a new line to it. Before each append, and for
 *       every file at start, an incomplete last line is moved to {@code <file>.torn} so that every
 *       line in the file is complete.
 * </ul>
 */
public final class LineFiles {
  private static final Logger LOG = LoggerFactory.getLogger(LineFiles.class);
  private static final int CHUNK = 8192;

  /** Before an append: see {@link #cutTornTail(Path)}. */
  public void cutTornTail(String file) throws IOException {
    cutTornTail(Path.of(file));
  }

  /**
   * Cuts an incomplete last line (one without its line feed) off {@code path} and appends it, with
   * a line feed, to {@code <path>.torn}.
   *
   * @return the number of bytes cut; 0 when the file ends with a line feed, is empty or is absent
   */
  public static long cutTornTail(Path path) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      if (size == 0 || byteAt(channel, size - 1) == '\n') {
        return 0;
      }
      long keep = endOfLastLine(channel, size);
      ByteBuffer torn = ByteBuffer.allocate((int) Math.min(size - keep, Integer.MAX_VALUE));
      channel.read(torn, keep);
      torn.flip();
      Path aside = path.resolveSibling(path.getFileName() + ".torn");
      try (FileChannel out =
          FileChannel.open(
              aside,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        while (torn.hasRemaining()) {
          out.write(torn);
        }
        out.write(ByteBuffer.wrap(new byte[] {'\n'}));
        out.force(true);
      }
      channel.truncate(keep);
      channel.force(true);
      LOG.warn(
          "{} ended in an incomplete line (a crash or a full disk while writing): moved its {}"
              + " bytes to {}",
          path,
          size - keep,
          aside);
      return size - keep;
    } catch (NoSuchFileException e) {
      return 0;
    }
  }

  /** Syncs {@code file}'s content and its directory entry to the disk. */
  public void force(String file) throws IOException {
    Path path = Path.of(file).toAbsolutePath();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some platforms (Windows) cannot open a directory; the file itself is synced
      LOG.debug("cannot sync directory {}: {}", path.getParent(), e.toString());
    }
  }

  /** Cuts torn last lines off every day file in {@code dir}; the files that had one. */
  public static List<Path> repairAll(Path dir) throws IOException {
    List<Path> repaired = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.{jsonl,csv}")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry) && cutTornTail(entry) > 0) {
          repaired.add(entry);
        }
      }
    }
    return repaired;
  }

  private static byte byteAt(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    if (channel.read(one, position) != 1) {
      throw new IOException("cannot read byte " + position);
    }
    return one.get(0);
  }

  /** Position just after the last line feed before {@code size}, 0 when there is none. */
  private static long endOfLastLine(FileChannel channel, long size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - CHUNK);
      buffer.clear().limit((int) (end - start));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, start + buffer.position()) < 0) {
          throw new IOException("the file shrank while being read");
        }
      }
      for (int i = (int) (end - start) - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }
}
