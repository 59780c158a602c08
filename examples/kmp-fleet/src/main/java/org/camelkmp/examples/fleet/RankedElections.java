package org.camelkmp.examples.fleet;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Camel {@link ZooKeeperClusterService} per rank a node gives the shards ({@link Shards#rank}),
 * all with the node's id on the one ZooKeeper client: the elections of the shards of rank r are
 * those of the r-th service, and a service's views join their elections only once the service runs.
 * Rank 0 runs with the Camel context; {@link #start(int)} starts a later rank.
 *
 * <p>Every meter's route exists from the start, its {@code ClusteredRoutePolicy} registered with
 * its shard's view; a later rank's shards are contended for by starting its service, never by
 * adding routes to the running context: a route added while its shard's leadership arrives can be
 * left stopped by the policy (seen with one shared policy per shard).
 */
final class RankedElections {
  private static final Logger LOG = LoggerFactory.getLogger(RankedElections.class);

  private final List<ZooKeeperClusterService> services = new ArrayList<>();

  RankedElections(
      int ranks, String node, String basePath, CuratorFramework curator, CamelContext context) {
    for (int rank = 0; rank < ranks; rank++) {
      // camel-zookeeper 4.18: without a configuration given, setCuratorFramework before init
      // throws a NullPointerException
      ZooKeeperClusterService service =
          new ZooKeeperClusterService(new ZooKeeperCuratorConfiguration());
      service.setId(node);
      service.setBasePath(basePath);
      service.setCuratorFramework(curator);
      service.setCamelContext(context);
      // the settings reach the configuration at init, which the context does for a service it
      // holds (rank 0); the later ranks' views are made before those services start
      service.init();
      services.add(service);
    }
  }

  /** The service of {@code rank}'s elections. */
  ZooKeeperClusterService service(int rank) {
    return services.get(rank);
  }

  int ranks() {
    return services.size();
  }

  /** Joins the elections of the shards of {@code rank} (at least 1). */
  void start(int rank) {
    services.get(rank).start();
  }

  /** Leaves the later ranks' elections; rank 0's service stops with the context. */
  void stopLaterRanks() {
    for (int rank = 1; rank < services.size(); rank++) {
      try {
        services.get(rank).stop();
      } catch (RuntimeException e) {
        LOG.warn("cannot stop the elections of rank {}: {}", rank, e.toString());
      }
    }
  }
}
