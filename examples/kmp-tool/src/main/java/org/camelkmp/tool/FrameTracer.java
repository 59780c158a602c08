package org.camelkmp.tool;

import java.io.PrintWriter;
import org.camelkmp.kmp.client.ExchangeListener;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.message.FrameRedaction;
import org.camelkmp.kmp.message.KmpResponse;

/**
 * The {@code -vv} trace on stderr: every frame sent and every byte received, in hex, with the
 * decoding steps of what came back, and every failed attempt.
 */
final class FrameTracer implements ExchangeListener {
  private final PrintWriter err;
  private byte[] lastRequest = new byte[0];

  FrameTracer(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void requestSent(int attempt, byte[] frame) {
    lastRequest = frame.clone();
    err.println("-> " + FrameRedaction.hex(frame) + attemptNote(attempt));
    if (FrameRedaction.carriesSecret(frame)) {
      err.println("     PutRegister request; its password is not shown");
    } else {
      for (String line : FrameExplainer.explain(frame)) {
        err.println("     " + line);
      }
    }
    err.flush();
  }

  @Override
  public void bytesReceived(int attempt, byte[] bytes) {
    if (bytes.length == 0) {
      err.println("<- (nothing)" + attemptNote(attempt));
    } else {
      err.println("<- " + FrameRedaction.received(bytes, lastRequest) + attemptNote(attempt));
      if (FrameRedaction.carriesSecret(lastRequest)) {
        err.println("     (answer to a PutRegister; an echo of it is not explained)");
      } else {
        for (String line : FrameExplainer.explainStream(bytes)) {
          err.println("     " + line);
        }
      }
    }
    err.flush();
  }

  @Override
  public void responseDecoded(int attempt, KmpResponse response, long roundTripNanos) {
    err.printf("     answer accepted after %d ms%n", roundTripNanos / 1_000_000);
    err.flush();
  }

  @Override
  public void attemptFailed(int attempt, KmpException failure, boolean willRetry) {
    err.println(
        "     attempt "
            + attempt
            + " failed: "
            + failure.getMessage()
            + (willRetry ? "; retrying after the quiet time" : "; no retries left"));
    err.flush();
  }

  private static String attemptNote(int attempt) {
    return attempt > 1 ? "   (attempt " + attempt + ")" : "";
  }
}
