package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.camelkmp.kmp.message.ApplicationLayer;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetLogTimePastRequest;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.LogResponse;

/** Properties that must hold for any input. */
class MeterPropertiesTest {
  private static final SimulatedMeter METER =
      new SimulatedMeter(
          MeterConfig.builder().hourlyLog(48, 48).dailyLog(1, 0).build(), MutableClock.standard());
  private static final List<Integer> LOGGED = List.of(1003, 1002, 60, 63, 68, 86, 87, 74);

  @Property(tries = 500)
  void anyBytesNeverBreakTheMeterAndOnlyValidRequestsForItAreAnswered(
      @ForAll @Size(max = 40) byte[] bytes) {
    byte[] frame = bytes.clone();
    if (frame.length > 0) {
      frame[0] = (byte) 0x80;
    }

    boolean answered = METER.respond(frame).isPresent();

    if (answered) {
      assertThat(FrameCodec.decode(frame).address()).isEqualTo(0x3F);
    }
  }

  @Property(tries = 300)
  void getRegisterAnswersExactlyTheKnownRegistersInTheOrderAsked(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1100) Integer> ids) {
    byte[] answer = METER.respond(Wire.request(new GetRegisterRequest(ids))).orElseThrow();

    List<Integer> known = ids.stream().filter(METER.registerIds()::contains).toList();
    assertThat(((org.camelkmp.kmp.message.GetRegisterResponse) Wire.response(answer)).values())
        .extracting(org.camelkmp.kmp.value.RegisterValue::id)
        .containsExactlyElementsOf(known);
  }

  @Property(tries = 300)
  void logAnswersNeverExceedMaxLAndNeverExceedTheRecordsAsked(
      @ForAll @IntRange(min = 0, max = 255) int maxLength,
      @ForAll @IntRange(min = 0, max = 60) int records,
      @ForAll @IntRange(min = 1, max = 8) int registers,
      @ForAll @IntRange(min = 0, max = 50) int hoursBack,
      @ForAll boolean past) {
    LocalDateTime from = LocalDateTime.of(2024, 3, 15, 10, 0).minusHours(hoursBack);
    List<Integer> ids = LOGGED.subList(0, registers);
    var request =
        past
            ? new GetLogTimePastRequest(1, ids, records, maxLength, from, 0)
            : new GetLogTimePresentRequest(1, ids, records, maxLength, from);

    LogResponse answer =
        (LogResponse) Wire.response(METER.respond(Wire.request(request)).orElseThrow());

    assertThat(answer.records().size()).isLessThanOrEqualTo(records);
    if (!answer.records().isEmpty()) {
      assertThat(ApplicationLayer.encode(answer).length).isLessThanOrEqualTo(maxLength);
    }
    if ((answer.info() & LogResponse.INFO_MAX_LENGTH_REACHED) != 0) {
      assertThat(answer.records().size()).isLessThan(records);
    }
  }
}
