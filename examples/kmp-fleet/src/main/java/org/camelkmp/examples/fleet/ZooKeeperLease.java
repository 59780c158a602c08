package org.camelkmp.examples.fleet;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fence that keeps a node from polling once another may have taken its shards over.
 *
 * <p>ZooKeeper gives a shard to another node only after this node's session expired on the server,
 * {@code sessionTimeout} after the server last heard from it. This node knows it is connected only
 * while its client hears the server: the client declares the connection lost after two thirds of
 * the session timeout without an answer (Curator's SUSPENDED). Two guards follow from that:
 *
 * <ul>
 *   <li>every poll asks {@link #begin}: it goes ahead only while the connection is up and was
 *       confirmed less than a third of the session timeout ago (a monotonic clock, which also runs
 *       while the process is stopped, so a node resumed after SIGSTOP skips its overdue polls);
 *   <li>at SUSPENDED or LOST the node stops polling for good and {@code onLost} ends it: it has
 *       given up its leadership's guarantee and must rejoin fresh (a supervisor restarts it).
 * </ul>
 */
final class ZooKeeperLease implements PollingConsumerPollStrategy, ConnectionStateListener {
  /** The bean name the meters' endpoints find this under ({@code pollStrategy=#...}). */
  static final String BEAN = "fleetLease";

  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperLease.class);

  private volatile long maxAgeNanos;
  private final Consumer<String> onLost;
  private final AtomicLong confirmed = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean connected;
  private volatile boolean lost;

  /**
   * @param sessionTimeoutMillis the ZooKeeper session timeout the client asks for
   * @param onLost what ends the node once it lost the connection; given the reason
   */
  ZooKeeperLease(long sessionTimeoutMillis, Consumer<String> onLost) {
    this.maxAgeNanos = TimeUnit.MILLISECONDS.toNanos(sessionTimeoutMillis) / 3;
    this.onLost = onLost;
  }

  /** Called by the heartbeat after each answer from the server, with when it was asked. */
  void confirm(long askedAtNanos) {
    confirmed.accumulateAndGet(askedAtNanos, Math::max);
  }

  /** Whether polling is allowed now. */
  boolean valid() {
    return connected && !lost && System.nanoTime() - confirmed.get() < maxAgeNanos;
  }

  @Override
  public void stateChanged(CuratorFramework client, ConnectionState state) {
    switch (state) {
      case CONNECTED, RECONNECTED -> {
        if (!lost) {
          shortenToNegotiated(client);
          connected = true;
          confirm(System.nanoTime());
        }
      }
      case SUSPENDED, LOST -> {
        boolean first = !lost;
        connected = false;
        lost = true;
        if (first) {
          String reason = "lost the ZooKeeper connection (" + state + "): stopped polling";
          LOG.error("{}; exiting so that a fresh start rejoins the elections", reason);
          onLost.accept(reason);
        }
      }
      default -> {
        // READ_ONLY: not used, the fleet never connects read-only
      }
    }
  }

  /** The server may grant a shorter session than asked for: the lease is a third of that. */
  private void shortenToNegotiated(CuratorFramework client) {
    try {
      int negotiated = client.getZookeeperClient().getZooKeeper().getSessionTimeout();
      long nanos = TimeUnit.MILLISECONDS.toNanos(negotiated) / 3;
      if (negotiated > 0 && nanos < maxAgeNanos) {
        LOG.warn(
            "ZooKeeper granted a session of {} ms only; the lease is a third of it", negotiated);
        maxAgeNanos = nanos;
      }
    } catch (Exception e) {
      LOG.debug("cannot read the negotiated session timeout: {}", e.toString());
    }
  }

  @Override
  public boolean begin(org.apache.camel.Consumer consumer, Endpoint endpoint) {
    boolean valid = valid();
    if (!valid) {
      LOG.warn("skipped a poll of {}: ZooKeeper not confirmed recently", endpoint);
    }
    return valid;
  }

  @Override
  public void commit(org.apache.camel.Consumer consumer, Endpoint endpoint, int polledMessages) {
    // nothing to do
  }

  @Override
  public boolean rollback(
      org.apache.camel.Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
    LOG.warn("a poll of {} failed: {}", endpoint, cause.toString());
    return false;
  }
}
