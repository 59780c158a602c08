package org.camelkmp.kmp.error;

/** Not a single byte came back: no echo, no answer. The cable, head or gateway is the suspect. */
public class KmpPortSilentException extends KmpTimeoutException {
  private static final long serialVersionUID = 1L;

  public KmpPortSilentException(String port, long timeoutMillis) {
    super(
        String.format(
            "port silent: no byte at all from %s within %d ms; check the cable, the optical head's"
                + " alignment and its magnet, and that the meter is a KMP meter",
            port, timeoutMillis));
  }
}
