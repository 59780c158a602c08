package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared test vectors, seen from the meter's side of the line. */
class SimulatorVectorsTest {
  private static final SimulatedMeter METER =
      new SimulatedMeter(
          MeterConfig.builder().hourlyLog(1, 0).dailyLog(1, 0).build(), MutableClock.standard());

  static Stream<Arguments> requests() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (InputStream in =
            SimulatorVectorsTest.class.getResourceAsStream("/org/camelkmp/kmp/vectors.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split("\t");
        if (f.length >= 3 && f[0].startsWith("80")) {
          rows.add(Arguments.of(f[0], f[1].equals("yes"), f[2]));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("requests")
  void answersGoodRequestsToItsAddressAndIgnoresBadCrcs(
      String frame, boolean crcOk, String meaning) {
    boolean forMeter = frame.startsWith("803F");
    boolean knownCommand = !meaning.contains("0xB8");

    assertThat(METER.respond(Wire.hex(frame)).isPresent())
        .as(meaning)
        .isEqualTo(crcOk && forMeter && knownCommand);
  }

  @org.junit.jupiter.api.Test
  void theVectorsHoldTheTwoBadRequests() throws IOException {
    assertThat(requests().filter(a -> !(Boolean) a.get()[1])).hasSize(2);
  }
}
