package org.camelkmp.benchmarks;

import org.camelkmp.kmp.client.ExchangeListener;
import org.camelkmp.kmp.error.KmpException;

/**
 * Counts what a client puts on the wire and gets back: every request frame written (retries
 * included) and every byte read. Used by one thread at a time.
 */
public final class WireCounter implements ExchangeListener {
  private int requests;
  private long requestBytes;
  private long receivedBytes;
  private int failures;

  @Override
  public void requestSent(int attempt, byte[] frame) {
    requests++;
    requestBytes += frame.length;
  }

  @Override
  public void bytesReceived(int attempt, byte[] bytes) {
    receivedBytes += bytes.length;
  }

  @Override
  public void attemptFailed(int attempt, KmpException failure, boolean willRetry) {
    failures++;
  }

  /** Starts counting from zero. */
  public void reset() {
    requests = 0;
    requestBytes = 0;
    receivedBytes = 0;
    failures = 0;
  }

  /** Request frames written, retries included. */
  public int requests() {
    return requests;
  }

  /** Bytes of the request frames written. */
  public long requestBytes() {
    return requestBytes;
  }

  /** Bytes read, echo and noise included. */
  public long receivedBytes() {
    return receivedBytes;
  }

  /** Both ways. */
  public long bytes() {
    return requestBytes + receivedBytes;
  }

  /** Attempts that failed. */
  public int failures() {
    return failures;
  }
}
