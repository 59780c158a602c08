package org.camelkmp.kmp.error;

/**
 * Bytes came back, but no answer from the meter: only the echo of our own request (an echoing head)
 * or stray bytes. The line works; the meter is asleep or its IR port is switched off.
 */
public class KmpNoAnswerException extends KmpTimeoutException {
  private static final long serialVersionUID = 1L;

  public KmpNoAnswerException(String port, long timeoutMillis, boolean echoSeen, int strayBytes) {
    super(
        String.format(
            "meter did not answer on %s within %d ms (%s): asleep or IR port off; press a button"
                + " on the meter to wake the optical port, and check the destination address",
            port,
            timeoutMillis,
            echoSeen
                ? "only the echo of our own request came back"
                : strayBytes + " stray byte(s) but no response frame"));
  }
}
