package org.camelkmp.examples.fleet;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Gives every meter's route the {@link ClusteredRoutePolicy} of its shard: the route runs only
 * while this node leads the shard's election in Camel's cluster service (the service of the rank
 * this node gives the shard, see {@link RankedElections}). One policy per shard, shared by the
 * shard's routes.
 */
final class ShardPolicies implements RoutePolicyFactory {
  private final Shards shards;
  private final String node;
  private final RankedElections elections;
  private final Map<String, MeterEntry> meters;
  private final Map<Integer, ClusteredRoutePolicy> policies = new HashMap<>();

  ShardPolicies(
      Shards shards, String node, RankedElections elections, Map<String, MeterEntry> meters) {
    this.shards = shards;
    this.node = node;
    this.elections = elections;
    this.meters = meters;
  }

  @Override
  public synchronized RoutePolicy createRoutePolicy(
      CamelContext context, String routeId, NamedNode route) {
    if (routeId == null || !routeId.startsWith(FleetRoutes.ROUTE_PREFIX)) {
      return null;
    }
    MeterEntry meter = meters.get(routeId.substring(FleetRoutes.ROUTE_PREFIX.length()));
    if (meter == null) {
      return null;
    }
    return policies.computeIfAbsent(
        shards.shardOf(meter.id()),
        shard -> {
          try {
            ClusteredRoutePolicy policy =
                ClusteredRoutePolicy.forNamespace(
                    elections.service(shards.rank(node, shard)), Shards.namespace(shard));
            policy.setCamelContext(context);
            return policy;
          } catch (Exception e) {
            throw new IllegalStateException("cannot join the election of shard " + shard, e);
          }
        });
  }
}
