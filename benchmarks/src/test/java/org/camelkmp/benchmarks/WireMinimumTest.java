package org.camelkmp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.transport.LineSettings;
import org.junit.jupiter.api.Test;

/** The protocol minimum the wire figures are held against, and the register sets behind it. */
class WireMinimumTest {
  private final SimulatedMeter meter = Meters.frozen();

  @Test
  void theRegisterSetsAreDistinctAndTheFortyHaveFourTheMeterLacks() {
    assertThat(Meters.simulatedRegisterCount()).isEqualTo(36);
    for (int n : new int[] {1, 8, 16, 40}) {
      assertThat(Meters.registers(n)).hasSize(n).doesNotHaveDuplicates();
    }
    assertThat(meter.registerIds()).doesNotContainAnyElementsOf(Meters.LACKING);
    assertThat(Meters.FORTY).containsAll(meter.registerIds());
  }

  @Test
  void oneRequestPerEightRegistersAndTheMetersExactAnswers() {
    // request: start, address, CID, count, 2 bytes per id, CRC (2), stop
    assertThat(WireMinimum.of(meter, Meters.ONE).requestBytes()).isEqualTo(9);
    assertThat(WireMinimum.of(meter, Meters.EIGHT).requests()).isEqualTo(1);
    assertThat(WireMinimum.of(meter, Meters.SIXTEEN).requests()).isEqualTo(2);
    WireMinimum forty = WireMinimum.of(meter, Meters.FORTY);
    assertThat(forty.requests()).isEqualTo(5);
    // 36 blocks of at least 9 bytes come back, the 4 missing registers add nothing
    assertThat(forty.responseBytes()).isGreaterThanOrEqualTo(36 * 9 + 5 * 6);
    assertThat(forty.bytes()).isEqualTo(forty.requestBytes() + forty.responseBytes());
  }

  @Test
  void wireTimeIsElevenBitTimesPerByteAt1200Baud() {
    WireMinimum eight = WireMinimum.of(meter, Meters.EIGHT);

    assertThat(eight.wireNanos(LineSettings.KMP_DEFAULT))
        .isEqualTo(eight.bytes() * (1_000_000_000L * 11 / 1200));
  }

  @Test
  void theLatencyAllowanceIsTwoPercentOrTwentyMilliseconds() {
    assertThat(Latency.allowanceNanos(900_000_000L)).isEqualTo(20_000_000L);
    assertThat(Latency.allowanceNanos(4_600_000_000L)).isEqualTo(92_000_000L);
  }
}
