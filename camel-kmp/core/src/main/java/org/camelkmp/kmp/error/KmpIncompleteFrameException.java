package org.camelkmp.kmp.error;

/** The meter started answering but the frame stopped before its end byte. */
public class KmpIncompleteFrameException extends KmpTimeoutException {
  private static final long serialVersionUID = 1L;

  public KmpIncompleteFrameException(String port, int receivedBytes, long interByteTimeoutMillis) {
    super(
        String.format(
            "incomplete frame from %s: the answer stopped after %d byte(s) with no end byte"
                + " for %d ms (line interrupted or the head slipped)",
            port, receivedBytes, interByteTimeoutMillis));
  }
}
