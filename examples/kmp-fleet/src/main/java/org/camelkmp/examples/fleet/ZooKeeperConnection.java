package org.camelkmp.examples.fleet;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one ZooKeeper client, shared by the cluster service's elections, with the {@link
 * ZooKeeperLease} watching its connection and a heartbeat that confirms the lease: every sixth of
 * the session timeout it asks the server for the root node and, on an answer, dates the lease from
 * when it asked.
 */
final class ZooKeeperConnection extends ServiceSupport {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperConnection.class);

  private final CuratorFramework curator;
  private final ZooKeeperLease lease;
  private final long heartbeatMillis;
  private ScheduledExecutorService heartbeat;

  ZooKeeperConnection(String connect, long sessionTimeoutMillis, ZooKeeperLease lease) {
    this.curator =
        CuratorFrameworkFactory.builder()
            .connectString(connect)
            .sessionTimeoutMs((int) sessionTimeoutMillis)
            .connectionTimeoutMs((int) Math.min(15_000, sessionTimeoutMillis))
            .retryPolicy(new ExponentialBackoffRetry(500, 10))
            .build();
    this.lease = lease;
    this.heartbeatMillis = Math.max(100, sessionTimeoutMillis / 6);
    curator.getConnectionStateListenable().addListener(lease);
  }

  /** The client, for the cluster service. */
  CuratorFramework curator() {
    return curator;
  }

  @Override
  protected void doStart() {
    curator.start();
    heartbeat =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kmp-fleet-zk-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleWithFixedDelay(this::beat, 0, heartbeatMillis, TimeUnit.MILLISECONDS);
  }

  private void beat() {
    long asked = System.nanoTime();
    try {
      if (curator.getZookeeperClient().isConnected()) {
        curator.getZookeeperClient().getZooKeeper().exists("/", false);
        lease.confirm(asked);
      }
    } catch (Exception e) {
      LOG.debug("heartbeat: {}", e.toString());
    }
  }

  @Override
  protected void doStop() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    curator.close();
  }
}
