package org.camelkmp.tool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Two connected pseudo-terminals made by socat, for serial tests. The paths are read from socat's
 * own report ({@code PTY is /dev/pts/N}) and the pair is ready when socat says it starts its
 * transfer loop. Without socat the test is skipped, or fails when {@code CI=true}.
 */
final class PtyPair implements AutoCloseable {
  private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

  private final Process socat;
  private final List<String> paths;

  private PtyPair(Process socat, List<String> paths) {
    this.socat = socat;
    this.paths = paths;
  }

  static PtyPair start() throws IOException {
    Path socat = Path.of("/usr/bin/socat");
    String message = "socat is not installed (apt-get install socat); serial tests need it";
    if (!Files.isExecutable(socat) && "true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.assumeTrue(Files.isExecutable(socat), message);
    Process process =
        new ProcessBuilder(socat.toString(), "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> paths = new ArrayList<>();
    BufferedReader report =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    for (String line = report.readLine(); line != null; line = report.readLine()) {
      Matcher pty = PTY.matcher(line);
      if (pty.find()) {
        paths.add(pty.group(1));
      }
      if (line.contains("starting data transfer loop")) {
        break;
      }
    }
    if (paths.size() != 2) {
      process.destroyForcibly();
      throw new IllegalStateException("socat did not report two ptys: " + paths);
    }
    // keep draining socat's report so it never blocks on a full pipe
    Thread drain =
        new Thread(
            () -> {
              try {
                report.transferTo(java.io.Writer.nullWriter());
              } catch (IOException e) {
                // socat ended
              }
            },
            "socat report");
    drain.setDaemon(true);
    drain.start();
    return new PtyPair(process, paths);
  }

  String meterSide() {
    return paths.get(0);
  }

  String readerSide() {
    return paths.get(1);
  }

  @Override
  public void close() throws InterruptedException {
    socat.destroy();
    if (!socat.waitFor(5, TimeUnit.SECONDS)) {
      socat.destroyForcibly();
    }
  }
}
