package org.camelkmp.tool;

/**
 * Configures slf4j-simple before anything logs: warnings by default, {@code -v} info, {@code -vv}
 * debug, always to stderr so that {@code --json} output on stdout stays clean.
 *
 * <p>slf4j-simple reads its configuration once, when the first logger is made, so this must run
 * before any KMP class is touched. At {@code -vv} the client's own frame log stays at info: {@link
 * FrameTracer} shows every frame with its decoding steps instead.
 */
final class Logging {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  static void configure(int verbosity) {
    String level =
        switch (Math.min(verbosity, 2)) {
          case 0 -> "warn";
          case 1 -> "info";
          default -> "debug";
        };
    System.setProperty(PREFIX + "defaultLogLevel", level);
    System.setProperty(PREFIX + "logFile", "System.err");
    System.setProperty(PREFIX + "showThreadName", "false");
    // every record with its time: when a retry happened, how long the meter took
    System.setProperty(PREFIX + "showDateTime", "true");
    System.setProperty(PREFIX + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    System.setProperty(PREFIX + "showShortLogName", "true");
    System.setProperty(PREFIX + "levelInBrackets", "false");
    if (verbosity >= 2) {
      System.setProperty(PREFIX + "log.org.camelkmp.kmp.client.KmpClient", "info");
    } else {
      System.clearProperty(PREFIX + "log.org.camelkmp.kmp.client.KmpClient");
    }
  }
}
