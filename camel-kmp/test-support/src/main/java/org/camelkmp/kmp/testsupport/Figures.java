package org.camelkmp.kmp.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Figures that reliability tests report: appended to a file in the module's target directory. */
public final class Figures {
  private Figures() {}

  /** Appends {@code text} to {@code target/<file>} when run from the module directory. */
  public static void append(String file, String text) {
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.writeString(
            target.resolve(file),
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      // the figures were printed anyway
    }
  }
}
