package org.camelkmp.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleRunTest {
  @Test
  void readsTheReadersResultLine() {
    assertThat(ScaleRun.parse("RESULT meters=100 missed=0 heapAfterGc=5138000"))
        .containsEntry("meters", "100")
        .containsEntry("missed", "0")
        .containsEntry("heapAfterGc", "5138000")
        .hasSize(3);
  }
}
