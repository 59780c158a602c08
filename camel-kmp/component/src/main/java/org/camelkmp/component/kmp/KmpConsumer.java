package org.camelkmp.component.kmp;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.client.RegisterReading;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.value.RegisterValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the endpoint's registers: each poll reads them all in the fewest requests (eight per
 * GetRegister) and emits one exchange with a {@link KmpReading}, or one per register with
 * splitRegisters. A failed poll goes to the consumer's exception handler (or the route's error
 * handler with bridgeErrorHandler=true); the next poll reopens a broken connection.
 *
 * <p>Stopping the consumer lets a poll in flight finish and deliver its reading (the meter has
 * spent battery on the answer) before the port is released; no new poll starts once stopping has
 * begun.
 */
public class KmpConsumer extends ScheduledPollConsumer {
  /** The longest a stop waits for the poll in flight before releasing the port regardless. */
  static final long STOP_WAIT_SECONDS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(KmpConsumer.class);

  private final ReentrantLock polling = new ReentrantLock();
  private volatile boolean stopping;
  private KmpConnection connection;
  private KmpClient client;
  private Long serial;
  private KmpPollMetrics metrics = KmpPollMetrics.NONE;
  private final PollCounter counter = new PollCounter();

  /** Counts what the poll's own thread sends and receives on the shared port. */
  private static final class PollCounter implements org.camelkmp.kmp.client.ExchangeListener {
    private volatile Thread pollThread;
    private int requests;
    private long bytes;

    void begin() {
      requests = 0;
      bytes = 0;
      pollThread = Thread.currentThread();
    }

    void end() {
      pollThread = null;
    }

    @Override
    public void requestSent(int attempt, byte[] frame) {
      if (Thread.currentThread() == pollThread) {
        requests++;
        bytes += frame.length;
      }
    }

    @Override
    public void bytesReceived(int attempt, byte[] received) {
      if (Thread.currentThread() == pollThread) {
        bytes += received.length;
      }
    }
  }

  public KmpConsumer(KmpEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public KmpEndpoint getEndpoint() {
    return (KmpEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    KmpEndpoint endpoint = getEndpoint();
    connection = endpoint.acquireConnection();
    client = connection.client(endpoint.clientOptions());
    metrics =
        KmpPollMetrics.of(
            endpoint.getCamelContext(), endpoint.getPort(), endpoint.address(), getRouteId());
    if (metrics != KmpPollMetrics.NONE) {
      connection.addExchangeListener(counter);
    }
    stopping = false;
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    stopping = true;
    awaitPollInFlight();
    super.doStop();
    if (connection != null) {
      // null when the consumer never started (a clustered route that never led)
      connection.removeExchangeListener(counter);
    }
    metrics.close();
    metrics = KmpPollMetrics.NONE;
    getEndpoint().releaseConnection(connection);
    connection = null;
  }

  private void awaitPollInFlight() throws InterruptedException {
    if (polling.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
      polling.unlock();
    } else {
      LOG.warn(
          "{}: the poll in flight did not finish within {} s; stopping anyway",
          getEndpoint().getPort(),
          STOP_WAIT_SECONDS);
    }
  }

  @Override
  protected int poll() throws Exception {
    polling.lock();
    try {
      return stopping ? 0 : pollMeter();
    } finally {
      polling.unlock();
    }
  }

  private int pollMeter() throws Exception {
    KmpEndpoint endpoint = getEndpoint();
    RegisterReading reading;
    long started = System.nanoTime();
    counter.begin();
    try {
      if (endpoint.isReadSerialNumber() && (serial == null || !connection.isOpen())) {
        serial = client.getSerialNumber();
      }
      reading = client.readRegisters(endpoint.registerIds());
      counter.end();
      metrics.succeeded(System.nanoTime() - started, counter.requests, counter.bytes);
    } catch (KmpException e) {
      counter.end();
      metrics.failed(System.nanoTime() - started, e);
      addLastErrorDetail("kmp.port", endpoint.getPort());
      addLastErrorDetail("kmp.error.type", e.getClass().getSimpleName());
      if (connection.lastSuccess() != null) {
        addLastErrorDetail("kmp.last.success", connection.lastSuccess().toString());
      }
      throw e;
    }
    List<KmpReading> bodies =
        endpoint.isSplitRegisters()
            ? split(reading)
            : List.of(toReading(reading, reading.values()));
    for (KmpReading body : bodies) {
      emit(body, reading);
    }
    return bodies.size();
  }

  private List<KmpReading> split(RegisterReading reading) {
    return reading.values().stream().map(v -> toReading(reading, List.of(v))).toList();
  }

  private KmpReading toReading(RegisterReading reading, List<RegisterValue> values) {
    return new KmpReading(
        getEndpoint().address(),
        serial,
        reading.readAt(),
        values.stream().map(KmpRegisterReading::of).toList(),
        reading.missing(),
        reading.requestCount());
  }

  /**
   * Routes one reading, as camel-timer does: the exchange is not auto-released, so that a failure
   * can still be read from it, and it goes back to the pool once, here.
   */
  private void emit(KmpReading body, RegisterReading reading) {
    Exchange exchange = createExchange(false);
    try {
      Message message = exchange.getMessage();
      message.setBody(body);
      KmpHeaders.set(message, getEndpoint().address(), serial, reading);
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    try {
      if (exchange.getException() != null) {
        getExceptionHandler()
            .handleException(
                "Error processing KMP reading from " + getEndpoint().getPort(),
                exchange,
                exchange.getException());
      }
    } finally {
      releaseExchange(exchange, false);
    }
  }
}
