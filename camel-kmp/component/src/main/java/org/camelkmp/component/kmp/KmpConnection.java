package org.camelkmp.component.kmp;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.client.ExchangeListener;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Transport;

/**
 * One physical port shared by every consumer and producer that uses it: one transport, one
 * transaction at a time, and counters for the health check and dev console. Reference counted by
 * {@link KmpConnectionRegistry}.
 */
public final class KmpConnection {
  private final KmpConnectionId id;
  private final String port;
  private final LineSettings lineSettings;
  private final KmpClient base;
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
  private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
  int users;

  KmpConnection(KmpConnectionId id, String port, LineSettings lineSettings, Transport transport) {
    this.id = id;
    this.port = port;
    this.lineSettings = lineSettings;
    this.base = new KmpClient(transport, ClientOptions.defaults().withLineSettings(lineSettings));
  }

  /** A client with an endpoint's options on this port's single transaction lock. */
  public KmpClient client(ClientOptions options) {
    return base.withOptions(
        options.withLineSettings(lineSettings),
        new ExchangeListener() {
          @Override
          public void requestSent(int attempt, byte[] frame) {
            listeners.forEach(l -> l.requestSent(attempt, frame));
          }

          @Override
          public void bytesReceived(int attempt, byte[] bytes) {
            listeners.forEach(l -> l.bytesReceived(attempt, bytes));
          }

          @Override
          public void responseDecoded(int attempt, KmpResponse response, long roundTripNanos) {
            transactions.incrementAndGet();
            lastSuccess.set(Instant.now());
            listeners.forEach(l -> l.responseDecoded(attempt, response, roundTripNanos));
          }

          @Override
          public void lateAnswerDropped(int attempt, byte[] frame) {
            listeners.forEach(l -> l.lateAnswerDropped(attempt, frame));
          }

          @Override
          public void attemptFailed(int attempt, KmpException failure, boolean willRetry) {
            failures.incrementAndGet();
            lastFailure.set(Instant.now());
            lastError.set(failure.getClass().getSimpleName() + ": " + failure.getMessage());
            listeners.forEach(l -> l.attemptFailed(attempt, failure, willRetry));
          }
        });
  }

  /**
   * Lets {@code listener} see every exchange on this port, whoever makes it (consumer or producer):
   * for tracing and metrics. Called on the thread doing the exchange; keep it quick.
   */
  public void addExchangeListener(ExchangeListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  /** Stops telling {@code listener}. */
  public void removeExchangeListener(ExchangeListener listener) {
    listeners.remove(listener);
  }

  KmpConnectionId id() {
    return id;
  }

  /** The port as its first user wrote it. */
  public String port() {
    return port;
  }

  /** The line settings every user of this port shares. */
  public LineSettings lineSettings() {
    return lineSettings;
  }

  /** Whether the transport is open now. */
  public boolean isOpen() {
    return base.transport().isOpen();
  }

  /** Consumers and producers using this port. */
  public synchronized int users() {
    return users;
  }

  /** Exchanges answered since the port was first used. */
  public long transactions() {
    return transactions.get();
  }

  /** Attempts that failed since the port was first used. */
  public long failures() {
    return failures.get();
  }

  /** When the last answer arrived, null if none yet. */
  public Instant lastSuccess() {
    return lastSuccess.get();
  }

  /** When the last attempt failed, null if none yet. */
  public Instant lastFailure() {
    return lastFailure.get();
  }

  /** The last failure's type and message, null if none yet. */
  public String lastError() {
    return lastError.get();
  }

  void close() {
    base.close();
  }
}
