package org.camelkmp.examples.http;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs a file written by Camel's file producer, and its directory entry, to the disk: Camel 4.18's
 * file producer does not (its {@code forceWrites} option has no effect there), and a dead letter
 * must survive a power cut.
 */
public final class FileSync {
  private static final Logger LOG = LoggerFactory.getLogger(FileSync.class);

  /** Syncs {@code file}'s content and its directory entry. */
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
}
