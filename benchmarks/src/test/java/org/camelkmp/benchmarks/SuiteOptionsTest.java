package org.camelkmp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {
  @Test
  void byDefaultEverythingRunsWithThePublishedSettings() {
    Suite.Options o = Suite.Options.parse();

    assertThat(o.only).containsExactly("cli", "codec", "latency", "scale", "wire");
    assertThat(o.meters).containsExactly(100, 1_000, 5_000);
    assertThat(o.reps).isEqualTo(7);
    assertThat(o.windowSeconds).isEqualTo(30);
    assertThat(o.periodMillis).isEqualTo(1_000);
  }

  @Test
  void quickShortensEverythingButKeepsGivenMeters() {
    Suite.Options o = Suite.Options.parse("--quick", "--meters", "10,20", "--only", "scale");

    assertThat(o.meters).isEqualTo(List.of(10, 20));
    assertThat(o.only).containsExactly("scale");
    assertThat(o.windowSeconds).isEqualTo(10);
    assertThat(o.reps).isEqualTo(2);
  }

  @Test
  void refusesWhatItDoesNotKnow() {
    assertThatThrownBy(() -> Suite.Options.parse("--only", "everything"))
        .hasMessageContaining("--only");
    assertThatThrownBy(() -> Suite.Options.parse("--fast")).hasMessageContaining("--fast");
    assertThatThrownBy(() -> Suite.Options.parse("--window", "15", "--period", "2000"))
        .hasMessageContaining("multiple");
    assertThatThrownBy(() -> Suite.Options.parse("--reps")).hasMessageContaining("needs a value");
  }
}
