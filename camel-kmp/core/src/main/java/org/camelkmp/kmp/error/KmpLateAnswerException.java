package org.camelkmp.kmp.error;

/**
 * The meter did answer, but only after the timeout had passed: the answer was seen while the line
 * was left quiet after the failed attempt, and was not used. The timeout is too short for this
 * meter or line (the vendor allows the meter 1.6 s; some gateways add more).
 */
public class KmpLateAnswerException extends KmpTimeoutException {
  private static final long serialVersionUID = 1L;
  private final long answerMillis;

  public KmpLateAnswerException(String port, long answerMillis, long timeoutMillis) {
    super(
        String.format(
            "answer too late on %s: the meter answered %d ms after the request, but the timeout"
                + " is %d ms; the answer was dropped. Raise the timeout (a meter may take 1.6 s,"
                + " a gateway adds more)",
            port, answerMillis, timeoutMillis));
    this.answerMillis = answerMillis;
  }

  /** How long after the request the late answer began to arrive, in milliseconds. */
  public long answerMillis() {
    return answerMillis;
  }
}
