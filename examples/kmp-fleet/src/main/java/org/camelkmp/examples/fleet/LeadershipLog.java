package org.camelkmp.examples.fleet;

import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs which shards this node leads whenever that changes: one line with the shard and the whole
 * set, the node's own figure of its share of the fleet.
 */
final class LeadershipLog implements CamelClusterEventListener.Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(LeadershipLog.class);

  private final Set<String> leading = new TreeSet<>();

  /** Listens to the election of {@code shard}, which must be in use already (its routes added). */
  void watch(CamelClusterService cluster, int shard) {
    try {
      CamelClusterView view = cluster.getView(Shards.namespace(shard));
      view.addEventListener(this);
      leadershipChanged(view, view.getLeader().orElse(null));
    } catch (Exception e) {
      LOG.warn("cannot watch the election of shard {}: {}", shard, e.toString());
    }
  }

  /** How many shards this node leads now: the gauge {@code kmp_fleet_shards_led}. */
  synchronized int count() {
    return leading.size();
  }

  @Override
  public synchronized void leadershipChanged(CamelClusterView view, CamelClusterMember leader) {
    boolean local = view.getLocalMember().isLeader();
    boolean changed =
        local ? leading.add(view.getNamespace()) : leading.remove(view.getNamespace());
    if (changed) {
      LOG.info(
          "{} {} {}; leading {} shards: {}",
          view.getLocalMember().getId(),
          local ? "leads" : "no longer leads",
          view.getNamespace(),
          leading.size(),
          leading);
    }
  }
}
