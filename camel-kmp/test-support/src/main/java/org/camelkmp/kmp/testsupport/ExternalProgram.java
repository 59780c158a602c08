package org.camelkmp.kmp.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program of the machine a test runs as a child process (socat, ser2net): found in the usual
 * places or on PATH, required by the test, and stopped so that what it held is free again.
 */
public final class ExternalProgram {
  private ExternalProgram() {}

  /**
   * The executable {@code name}: skips the calling test without it, or fails it when the
   * environment variable {@code CI} is {@code true}, so that a CI image without it cannot pass.
   *
   * @param why what needs it, for the message, e.g. "serial tests"
   * @param usual where Debian puts it, tried before PATH (ser2net lives in /usr/sbin, which may not
   *     be on a user's PATH)
   */
  public static Path require(String name, String why, String... usual) {
    Path found = find(name, usual);
    String message = name + " is not installed (apt-get install " + name + "); " + why + " need it";
    if (found == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(found != null, message);
    return found;
  }

  private static Path find(String name, String... usual) {
    for (String candidate : usual) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry, name))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }

  /**
   * Stops {@code process} (SIGTERM, then SIGKILL after {@code grace}) and waits until it has
   * exited, so that its ports and devices are free when this returns.
   */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** What a program wrote to {@code log} so far, for failure messages; never throws. */
  public static String readLog(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Deletes a program's temporary directory and what is in it, as far as it can. */
  public static void deleteDirectory(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // left for the OS to clean up
    }
  }
}
