package org.camelkmp.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How meters fall on shards and shards on preferred nodes. */
class ShardsTest {
  @Test
  void everyShardHasOnePreferredNodeAndEachNodeATwelfthTimesFour() {
    Shards shards = new Shards(12, List.of("node-3", "node-1", "node-2"));

    for (int shard = 0; shard < 12; shard++) {
      int s = shard;
      assertThat(List.of("node-1", "node-2", "node-3").stream().filter(n -> shards.prefers(n, s)))
          .hasSize(1);
    }
    assertThat(IntStream.range(0, 12).filter(s -> shards.prefers("node-2", s)).count())
        .isEqualTo(4);
  }

  @Test
  void aNodesShardsHaveTheirSecondChoicesSpreadOverTheOthers() {
    Shards shards = new Shards(12, List.of("node-1", "node-2", "node-3"));

    List<Integer> ofNode1 =
        IntStream.range(0, 12).filter(s -> shards.prefers("node-1", s)).boxed().toList();

    assertThat(ofNode1).containsExactly(0, 3, 6, 9);
    assertThat(ofNode1.stream().filter(s -> shards.rank("node-2", s) == 1)).containsExactly(0, 6);
    assertThat(ofNode1.stream().filter(s -> shards.rank("node-3", s) == 1)).containsExactly(3, 9);
    assertThat(ofNode1).allMatch(s -> shards.rank("node-2", s) + shards.rank("node-3", s) == 3);
  }

  @Test
  void withoutTheListOfNodesEveryShardIsPreferred() {
    Shards shards = new Shards(12, List.of());

    assertThat(IntStream.range(0, 12).allMatch(s -> shards.prefers("any", s))).isTrue();
  }

  @Test
  void aMetersShardIsTheSameEverywhere() {
    Shards shards = new Shards(12, List.of());

    assertThat(shards.shardOf("m1")).isEqualTo(shards.shardOf("m1")).isBetween(0, 11);
    assertThat(IntStream.rangeClosed(1, 240).map(i -> shards.shardOf("m" + i)).distinct().count())
        .isEqualTo(12);
  }
}
