package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KmpHeadersTest {

  @Test
  void theInputHeadersAreThoseKmpConstantsDocumentsAsInputs() {
    assertThat(KmpHeaders.INPUTS)
        .contains(
            KmpConstants.OVERRIDE_DESTINATION_ADDRESS,
            KmpConstants.COMMAND,
            KmpConstants.REGISTERS,
            KmpConstants.CLOCK,
            KmpConstants.VALUE,
            KmpConstants.UNIT,
            KmpConstants.CONDITIONAL_MASK,
            KmpConstants.UNCONDITIONAL_MASK,
            KmpConstants.LOG_ID,
            KmpConstants.LOG_RECORDS,
            KmpConstants.LOG_FROM,
            KmpConstants.LOG_RECORD_ID,
            KmpConstants.LOG_OFFSET)
        .doesNotContainAnyElementsOf(KmpHeaders.OUTPUTS);
  }

  @Test
  void anArgumentIsReadFromTheHeaderNamedAfterIt() {
    assertThat(KmpHeaderArguments.header("logId")).isEqualTo(KmpConstants.LOG_ID);
    assertThat(KmpHeaderArguments.header("logRecordId")).isEqualTo(KmpConstants.LOG_RECORD_ID);
    assertThat(KmpHeaderArguments.header("conditionalMask"))
        .isEqualTo(KmpConstants.CONDITIONAL_MASK);
    assertThat(KmpHeaderArguments.header("clock")).isEqualTo(KmpConstants.CLOCK);
  }
}
