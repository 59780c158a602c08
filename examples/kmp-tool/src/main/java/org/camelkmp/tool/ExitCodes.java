package org.camelkmp.tool;

import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.error.KmpTimeoutException;
import org.camelkmp.kmp.error.KmpTransportException;

/**
 * The tool's exit statuses, one per kind of failure, so that scripts can tell a meter that did not
 * answer from a corrupted line or a typo in the command.
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** A bug in the tool: an error none of the other codes describes. */
  public static final int SOFTWARE = 1;

  /** Bad arguments or a missing device: nothing was sent. */
  public static final int USAGE = 2;

  /** No (complete) answer: port silent, only the echo came back, or the answer stopped. */
  public static final int TIMEOUT = 3;

  /** An answer or a frame to decode was bad: CRC, framing, or data that does not fit its CID. */
  public static final int BAD_FRAME = 4;

  /** The port or connection could not be opened or broke. */
  public static final int TRANSPORT = 5;

  /** A command that changes the meter was not confirmed with --yes: nothing was sent. */
  public static final int WRITE_REFUSED = 6;

  /** The list shown under "Exit codes" in every command's help. */
  static final String[] HELP_LIST = {
    "0:success",
    "1:internal error (a bug in kmp-tool)",
    "2:bad arguments or no device given (nothing sent)",
    "3:timeout: port silent, no answer from the meter, or answer cut off",
    "4:bad frame: CRC mismatch, framing error, or data that does not fit its command",
    "5:port or connection error (cannot open, or it broke)",
    "6:write refused: a command that changes the meter needs --yes (nothing sent)"
  };

  private ExitCodes() {}

  /** The exit status for a failure. */
  static int of(Throwable failure) {
    if (failure instanceof DecodeFailedException && failure.getCause() != null) {
      return of(failure.getCause());
    }
    if (failure instanceof WriteRefusedException) {
      return WRITE_REFUSED;
    }
    if (failure instanceof UsageException || failure instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (failure instanceof KmpTimeoutException) {
      return TIMEOUT;
    }
    if (failure instanceof KmpTransportException) {
      return TRANSPORT;
    }
    if (failure instanceof KmpException) {
      return BAD_FRAME;
    }
    return SOFTWARE;
  }
}
