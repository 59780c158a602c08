package org.camelkmp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camelkmp.benchmarks.Report.Row;
import org.camelkmp.benchmarks.Report.Verdict;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final Machine MACHINE =
      new Machine("Test CPU", 2, 24L << 30, "JDK 17", "Linux", 0.5, Instant.EPOCH, "abc");

  @Test
  void rendersOneTableRowPerFigureWithTheMachine() {
    Report report = new Report();
    report.add(new Row("1.1", "wire | bytes", "24 B", "24 B", "1.000", Verdict.PASS));
    report.add(new Row("3.1", "decode", "1.2 µs", "< 2 µs", "0.600", Verdict.MISS));
    report.note("a note");

    String md = report.markdown(MACHINE, 2_000_000_000L);

    assertThat(md)
        .contains("- machine: Test CPU, 2 cores, 24.0 GiB RAM")
        .contains("| # | figure | value | limit / target | ratio | result |")
        .contains("| 1.1 | wire \\| bytes | 24 B | 24 B | 1.000 | pass |")
        .contains("| 3.1 | decode | 1.2 µs | < 2 µs | 0.600 | **MISS** |")
        .contains("- a note")
        .contains("suite run time: 2 s");
    assertThat(report.allPassed()).isFalse();
  }

  @Test
  void formatsRatiosAndUnits() {
    assertThat(Report.ratio(1.0004)).isEqualTo("1.000");
    assertThat(Report.millis(975_800_000L)).isEqualTo("975.8 ms");
    assertThat(Report.mib(5L << 20)).isEqualTo("5.0 MiB");
  }
}
