package org.camelkmp.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsTheUnits() {
    assertThat(Durations.parse("500ms")).isEqualTo(500);
    assertThat(Durations.parse("500")).isEqualTo(500);
    assertThat(Durations.parse("10s")).isEqualTo(10_000);
    assertThat(Durations.parse(" 15m ")).isEqualTo(900_000);
    assertThat(Durations.parse("1H")).isEqualTo(3_600_000);
  }

  @Test
  void refusesOthers() {
    assertThatThrownBy(() -> Durations.parse("15 minutes")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Durations.parse("0s")).hasMessageContaining("longer than zero");
  }
}
