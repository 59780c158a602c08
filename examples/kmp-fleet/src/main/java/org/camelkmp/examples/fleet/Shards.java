package org.camelkmp.examples.fleet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * Meters hashed onto a fixed number of shards; each shard has one leader in the cluster, which
 * polls all its meters. A node contends at once for the shards it is preferred for (shard {@code s}
 * prefers the {@code s mod N}-th of the N node ids of {@code fleet.nodes}, sorted), and for the
 * others only later, so that nodes started together each lead their share instead of the first one
 * grabbing all.
 */
final class Shards {
  private final int count;
  private final List<String> nodes;

  /**
   * @param count the number of shards, the same on every node
   * @param nodes the node ids expected in the fleet; empty: every shard is preferred
   */
  Shards(int count, List<String> nodes) {
    this.count = count;
    this.nodes = List.copyOf(new TreeSet<>(nodes));
  }

  /** The shard a meter belongs to: CRC-32 of its id, the same on every node and JVM. */
  int shardOf(String meterId) {
    CRC32 crc = new CRC32();
    crc.update(meterId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % count);
  }

  /** Whether {@code node} contends for {@code shard} at once. */
  boolean prefers(String node, int shard) {
    return rank(node, shard) == 0;
  }

  /**
   * 0 when {@code shard} is {@code node}'s first choice, 1 when its second, 2 otherwise; 0 for
   * every shard without {@code fleet.nodes} or for a node not in it.
   */
  int rank(String node, int shard) {
    int n = nodes.size();
    if (n == 0 || !nodes.contains(node)) {
      return 0;
    }
    String first = nodes.get(shard % n);
    if (first.equals(node)) {
      return 0;
    }
    List<String> others = nodes.stream().filter(id -> !id.equals(first)).toList();
    return others.get((shard / n) % others.size()).equals(node) ? 1 : 2;
  }

  /** The cluster namespace (a ZooKeeper path under the fleet's) of a shard's election. */
  static String namespace(int shard) {
    return String.format("shard-%03d", shard);
  }

  int count() {
    return count;
  }
}
