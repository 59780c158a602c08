package org.camelkmp.examples.fleet;

import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.service.ServiceSupport;
import org.camelkmp.examples.support.DiskOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's readings to Kafka one after the other, oldest first, through camel-kafka's
 * idempotent producer (acks=all); a reading leaves the outbox only once the broker acknowledged it.
 * While the broker is away the reading stays on disk and is tried again, first after one second,
 * then twice as long each time, at most every 30 s.
 */
final class KafkaForwarder extends ServiceSupport {
  /** The Kafka header with the reading's id, {@code <serial>@<read time>}. */
  static final String READING_ID = "kmpReadingId";

  /** The Kafka header with the meter's id in the fleet's meters file. */
  static final String METER = "kmpMeter";

  /** The Kafka header with the id of the node that read it. */
  static final String NODE = "kmpFleetNode";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaForwarder.class);
  private static final long MAX_BACKOFF_MILLIS = 30_000;
  private static final long DRAIN_MILLIS = 5_000;

  private final CamelContext context;
  private final DiskOutbox outbox;
  private final String kafkaUri;
  private final String node;
  private ProducerTemplate template;
  private Thread thread;
  private volatile boolean running;
  private volatile long drainUntil;
  private final Object pause = new Object();

  KafkaForwarder(CamelContext context, DiskOutbox outbox, String kafkaUri, String node) {
    this.context = context;
    this.outbox = outbox;
    this.kafkaUri = kafkaUri;
    this.node = node;
  }

  @Override
  protected void doStart() {
    template = context.createProducerTemplate();
    running = true;
    thread = new Thread(this::forward, "kmp-fleet-kafka");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  protected void doStop() throws Exception {
    drainUntil = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
    running = false;
    synchronized (pause) {
      pause.notifyAll();
    }
    thread.join(DRAIN_MILLIS + 5_000);
    if (thread.isAlive()) {
      thread.interrupt();
      thread.join(5_000);
    }
    template.stop();
  }

  /**
   * Waits until every kept reading was sent, at most {@code millis}; called once the meters' routes
   * stopped, while camel-kafka still runs.
   */
  void drain(long millis) {
    try {
      if (!outbox.awaitEmpty(System.nanoTime() + millis * 1_000_000)) {
        LOG.warn("{} readings wait on disk for the next start", outbox.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether to go on: while running, then on stopping while readings wait, for a while. */
  private boolean goOn() {
    return running || (outbox.size() > 0 && System.nanoTime() - drainUntil < 0);
  }

  private void forward() {
    long backoff = 0;
    while (goOn()) {
      try {
        Optional<DiskOutbox.Entry> next = outbox.oldest();
        if (next.isEmpty()) {
          outbox.awaitMessage(200);
          continue;
        }
        Exception failure = send(Reading.fromBytes(next.get().bytes()));
        if (failure == null) {
          outbox.delivered(next.get());
          if (backoff > 0) {
            LOG.info("Kafka takes readings again; {} wait", outbox.size());
          }
          backoff = 0;
        } else {
          backoff = backoff == 0 ? 1_000 : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
          LOG.warn(
              "Kafka did not take a reading ({}); {} wait on disk, next try in {} ms",
              failure.toString(),
              outbox.size(),
              backoff);
          if (!running || !pause(backoff)) {
            return; // stopping, and the broker is away: the readings wait on disk
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the outbox could not be read or written (disk full, permissions): try again later
        // rather than leave readings piling up with no sender
        backoff = backoff == 0 ? 1_000 : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        LOG.error("cannot forward readings ({}); trying again in {} ms", e.toString(), backoff);
        try {
          if (!running || !pause(backoff)) {
            return;
          }
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Waits {@code millis} before the next try, or less when stopping; whether still running. */
  private boolean pause(long millis) throws InterruptedException {
    long until = System.nanoTime() + millis * 1_000_000;
    synchronized (pause) {
      long left;
      while (running && (left = until - System.nanoTime()) > 0) {
        pause.wait(Math.max(1, left / 1_000_000));
      }
    }
    return running;
  }

  /** Sends one reading and waits for the broker's answer; the failure, or null. */
  private Exception send(Reading reading) {
    Exchange sent =
        template.send(
            kafkaUri,
            exchange -> {
              var message = exchange.getMessage();
              message.setBody(reading.json());
              message.setHeader(KafkaConstants.KEY, reading.key());
              message.setHeader(READING_ID, reading.readingId());
              message.setHeader(METER, reading.meter());
              message.setHeader(NODE, node);
            });
    return sent.getException();
  }
}
