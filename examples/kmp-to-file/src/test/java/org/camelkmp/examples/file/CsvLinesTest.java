package org.camelkmp.examples.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.junit.jupiter.api.Test;

class CsvLinesTest {
  private final CsvLines csv = new CsvLines();

  @Test
  void headerNamesTheColumns() {
    assertThat(csv.header())
        .isEqualTo("meter_serial,read_at,register_id,register_name,unit,value,text\r\n");
  }

  @Test
  void oneRowPerRegisterWithExactPlainValues() {
    KmpReading reading =
        new KmpReading(
            0x3F,
            72345678L,
            Instant.parse("2026-11-23T10:00:00.123456Z"),
            List.of(
                new KmpRegisterReading(
                    60, "E1", "heat energy", 8, "GJ", new BigDecimal("1234.5670"), null),
                new KmpRegisterReading(
                    5000, "R5000", "big", 0, "", new BigDecimal("1959120400000000000000000"), null),
                new KmpRegisterReading(
                    1002, "CLOCK", "time", 47, "hh:mm:ss", new BigDecimal("100000"), "10:00:00")),
            List.of(),
            1);

    assertThat(csv.rows(reading))
        .isEqualTo(
            "72345678,2026-11-23T10:00:00.123456Z,60,E1,GJ,1234.5670,\r\n"
                + "72345678,2026-11-23T10:00:00.123456Z,5000,R5000,,1959120400000000000000000,\r\n"
                + "72345678,2026-11-23T10:00:00.123456Z,1002,CLOCK,hh:mm:ss,100000,10:00:00\r\n");
  }

  @Test
  void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
    KmpReading reading =
        new KmpReading(
            0x3F,
            null,
            Instant.parse("2026-11-23T10:00:00Z"),
            List.of(
                new KmpRegisterReading(
                    7, "R7", "text", 0, "a,b", BigDecimal.ONE, "say \"hi\"\nthere")),
            List.of(),
            1);

    assertThat(csv.rows(reading))
        .isEqualTo(",2026-11-23T10:00:00Z,7,R7,\"a,b\",1,\"say \"\"hi\"\"\nthere\"\r\n");
  }
}
