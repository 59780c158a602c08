package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

/** How a register value the meter sent appears in a reading. */
class KmpRegisterReadingTest {

  @Test
  void aRegisterReportedWithoutValueHasNoValueAndNoTextNotZero() {
    KmpRegisterReading clock =
        KmpRegisterReading.of(new RegisterValue(1002, 0x2F, 0x00, new byte[0]));
    KmpRegisterReading energy =
        KmpRegisterReading.of(new RegisterValue(60, 0x02, 0x00, new byte[0]));

    assertThat(clock.value()).isNull();
    assertThat(clock.text()).as("no digits, not midnight").isNull();
    assertThat(energy.value()).isNull();
    assertThat(energy.name()).isEqualTo("E1");
  }
}
