package org.camelkmp.kmp.client;

import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.message.KmpResponse;

/**
 * Sees every exchange a {@link KmpClient} makes, for tracing ({@code kmp-tool -vv}) and metrics.
 * Called on the thread doing the exchange; keep it quick. All methods do nothing by default.
 */
public interface ExchangeListener {

  /** A request frame was written, exactly these bytes. */
  default void requestSent(int attempt, byte[] frame) {}

  /** Everything read during one attempt, including echo and noise that was skipped. */
  default void bytesReceived(int attempt, byte[] bytes) {}

  /** An answer was decoded. */
  default void responseDecoded(int attempt, KmpResponse response, long roundTripNanos) {}

  /**
   * A whole answer frame came after its attempt had given up on it, heard while listening through
   * the quiet time after a timeout. It is dropped, never taken for the answer to another request;
   * this is the one place it shows.
   */
  default void lateAnswerDropped(int attempt, byte[] frame) {}

  /** An attempt failed; another follows after the quiet time if retries remain. */
  default void attemptFailed(int attempt, KmpException failure, boolean willRetry) {}
}
