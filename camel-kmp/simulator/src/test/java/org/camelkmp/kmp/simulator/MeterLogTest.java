package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.camelkmp.kmp.message.ApplicationLayer;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.EventStatusResponse;
import org.camelkmp.kmp.message.GetEventStatusRequest;
import org.camelkmp.kmp.message.GetLogIdPresentRequest;
import org.camelkmp.kmp.message.GetLogLastPresentRequest;
import org.camelkmp.kmp.message.GetLogTimePastRequest;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.LogRecord;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

/** The hourly (LID 1) and daily (LID 2) logs and the event status, per docs/protocol.md §6. */
class MeterLogTest {
  private static final int HOURLY = 1;
  private static final int DAILY = 2;
  private static final List<Integer> CLOCK_E1 = List.of(1002, 60);
  private static final LocalDateTime NOW = LocalDateTime.of(2024, 3, 15, 10, 20, 30);

  private final MutableClock clock = MutableClock.standard();

  /** Hourly records at 06:00..10:00 (ids 1..5), daily at 03-13..03-15 (ids 1..3). */
  private final SimulatedMeter meter =
      new SimulatedMeter(
          MeterConfig.builder()
              .variation(0)
              .power(BigDecimal.TEN)
              .hourlyLog(48, 5)
              .dailyLog(10, 3)
              .build(),
          clock);

  private LogResponse read(SimulatedMeter m, KmpRequest request) {
    byte[] answer = m.respond(Wire.request(request)).orElseThrow();
    return (LogResponse) Wire.response(answer);
  }

  private LogResponse read(KmpRequest request) {
    return read(meter, request);
  }

  private static List<Integer> ids(LogResponse response) {
    return response.records().stream().map(LogRecord::recordId).toList();
  }

  private static LocalTime time(LogRecord record) {
    return record.values().stream()
        .filter(v -> v.id() == 1002)
        .findFirst()
        .flatMap(RegisterValue::time)
        .orElseThrow();
  }

  private EventStatus status() {
    return ((EventStatusResponse)
            Wire.response(meter.respond(Wire.request(new GetEventStatusRequest())).orElseThrow()))
        .status();
  }

  private EventStatus clear(EventStatus conditional, EventStatus unconditional) {
    byte[] answer =
        meter
            .respond(Wire.request(new ClearEventStatusRequest(conditional, unconditional)))
            .orElseThrow();
    return ((EventStatusResponse) Wire.response(answer)).status();
  }

  private static final EventStatus INTERVAL_BIT = new EventStatus(0, 0, 1, 0);

  @Test
  void timePresentReadsFromTheFirstRecordAtOrAfterTheTimeToTheEndOfTheLog() {
    LogResponse answer =
        read(
            new GetLogTimePresentRequest(
                HOURLY, CLOCK_E1, 10, 255, NOW.withHour(7).withMinute(30)));

    assertThat(answer.logId()).isEqualTo(HOURLY);
    assertThat(ids(answer)).containsExactly(3, 4, 5);
    assertThat(answer.records())
        .extracting(MeterLogTest::time)
        .containsExactly(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0));
    assertThat(answer.oldestRecordId()).isEqualTo(1);
    assertThat(answer.newestRecordId()).isEqualTo(5);
    assertThat(answer.info()).isEqualTo(LogResponse.INFO_END_OF_LOG);
  }

  @Test
  void recordsHoldTheRegistersAsTheyWereAtTheRecordsTime() {
    LogResponse answer =
        read(new GetLogTimePresentRequest(HOURLY, CLOCK_E1, 10, 255, NOW.withHour(0)));
    List<BigDecimal> energy =
        answer.records().stream().map(r -> r.values().get(1).decimal()).toList();
    BigDecimal current = meter.register(60).orElseThrow().decimal();

    // 10 kW constant: 0.036 GJ per hour; E1 was 1234.567 at 10:20:30, 0.0123 GJ after 10:00
    assertThat(energy)
        .containsExactly(
            new BigDecimal("1234.410"),
            new BigDecimal("1234.446"),
            new BigDecimal("1234.482"),
            new BigDecimal("1234.518"),
            new BigDecimal("1234.554"));
    assertThat(current).isEqualTo(new BigDecimal("1234.567"));
    assertThat(answer.records().get(0).values().get(1).unit().symbol()).isEqualTo("GJ");
  }

  @Test
  void readsAtMostTheRecordsAskedFor() {
    LogResponse answer =
        read(new GetLogTimePresentRequest(HOURLY, CLOCK_E1, 2, 255, NOW.withHour(0)));

    assertThat(ids(answer)).containsExactly(1, 2);
    assertThat(answer.info()).isZero();
  }

  @Test
  void registersThatAreNotLoggedAreLeftOut() {
    LogResponse answer =
        read(
            new GetLogTimePresentRequest(
                HOURLY, List.of(60, 1054, 86, 348), 1, 255, NOW.withHour(0)));

    assertThat(answer.records().get(0).values())
        .extracting(RegisterValue::id)
        .containsExactly(60, 86);
  }

  @Test
  void everyLoggedRegisterCanBeRead() {
    List<Integer> logged = List.of(1003, 1002, 60, 63, 68, 86, 87, 74);
    LogResponse first = read(new GetLogTimePresentRequest(HOURLY, logged, 1, 255, NOW.withHour(9)));
    LogResponse rest =
        read(new GetLogTimePresentRequest(HOURLY, List.of(80, 99, 1004), 1, 255, NOW.withHour(9)));

    assertThat(first.records().get(0).values())
        .extracting(RegisterValue::id)
        .containsExactlyElementsOf(logged);
    assertThat(first.records().get(0).values().get(0).date()).contains(LocalDate.of(2024, 3, 15));
    assertThat(rest.records().get(0).values())
        .extracting(RegisterValue::id)
        .containsExactly(80, 99, 1004);
  }

  @Test
  void dropsRecordsToStayWithinMaxLAndSaysSo() {
    List<Integer> four = List.of(60, 68, 86, 87);
    GetLogTimePresentRequest request =
        new GetLogTimePresentRequest(HOURLY, four, 5, 70, NOW.withHour(0));

    LogResponse answer = read(request);

    // 3 header + 5 trailer + first record 2 + 4 x 9 + next 2 + 4 x 4 = 64; a third would need 82
    assertThat(ids(answer)).containsExactly(1, 2);
    assertThat(answer.info()).isEqualTo(LogResponse.INFO_MAX_LENGTH_REACHED);
    assertThat(ApplicationLayer.encode(answer)).hasSizeLessThanOrEqualTo(70).hasSize(64);
  }

  @Test
  void maxLTooSmallForOneRecordGivesNone() {
    LogResponse answer =
        read(new GetLogTimePresentRequest(HOURLY, CLOCK_E1, 5, 20, NOW.withHour(0)));

    assertThat(answer.records()).isEmpty();
    assertThat(answer.info()).isEqualTo(LogResponse.INFO_MAX_LENGTH_REACHED);
  }

  @Test
  void anEmptyLogSaysSoAndFillsAsTheClockPassesFullHours() {
    SimulatedMeter fresh =
        new SimulatedMeter(MeterConfig.builder().hourlyLog(10, 0).build(), clock);
    GetLogTimePresentRequest all =
        new GetLogTimePresentRequest(HOURLY, CLOCK_E1, 10, 255, NOW.withHour(0));

    LogResponse empty = read(fresh, all);
    clock.advance(Duration.ofMinutes(40));
    LogResponse one = read(fresh, all);

    assertThat(empty.records()).isEmpty();
    assertThat(empty.info()).isEqualTo(LogResponse.INFO_LOG_EMPTY);
    assertThat(ids(one)).containsExactly(1);
    assertThat(time(one.records().get(0))).isEqualTo(LocalTime.of(11, 0));
  }

  @Test
  void idPresentReadsFromThatRecordId() {
    LogResponse answer = read(new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 10, 255, 4));

    assertThat(ids(answer)).containsExactly(4, 5);
    assertThat(answer.info()).isEqualTo(LogResponse.INFO_END_OF_LOG);
  }

  @Test
  void timePastReadsBackwardsFromTheRecordAtOrBeforeTheTimeMovedBackByTheOffset() {
    LogResponse fromNine =
        read(new GetLogTimePastRequest(HOURLY, CLOCK_E1, 10, 255, NOW.withHour(9), 0));
    LogResponse offsetOne =
        read(new GetLogTimePastRequest(HOURLY, CLOCK_E1, 2, 255, NOW.withHour(9), 1));

    assertThat(ids(fromNine)).containsExactly(4, 3, 2, 1);
    assertThat(fromNine.info()).isEqualTo(LogResponse.INFO_END_OF_LOG);
    assertThat(ids(offsetOne)).containsExactly(3, 2);
    assertThat(offsetOne.info()).isZero();
  }

  @Test
  void requestsOutsideTheLogAreOutOfRange() {
    assertThat(read(new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 10, 255, 99)).info())
        .isEqualTo(LogResponse.INFO_OUT_OF_RANGE);
    assertThat(read(new GetLogTimePresentRequest(HOURLY, CLOCK_E1, 10, 255, NOW)).info())
        .isEqualTo(LogResponse.INFO_OUT_OF_RANGE);
    assertThat(
            read(new GetLogTimePastRequest(HOURLY, CLOCK_E1, 10, 255, NOW.withHour(5), 0)).info())
        .isEqualTo(LogResponse.INFO_OUT_OF_RANGE);
    LogResponse tooFarBack =
        read(new GetLogTimePastRequest(HOURLY, CLOCK_E1, 10, 255, NOW.withHour(7), 2));
    assertThat(tooFarBack.info()).isEqualTo(LogResponse.INFO_OUT_OF_RANGE);
    assertThat(tooFarBack.records()).isEmpty();
    assertThat(tooFarBack.newestRecordId()).isEqualTo(5);
  }

  @Test
  void unknownLogIdsGetNoAnswer() {
    assertThat(
            meter.respond(
                Wire.request(new GetLogTimePresentRequest(3, CLOCK_E1, 1, 255, NOW.withHour(0)))))
        .isEmpty();
  }

  @Test
  void theDailyLogRecordsAtMidnight() {
    LogResponse answer =
        read(
            new GetLogTimePresentRequest(
                DAILY,
                List.of(1003, 1002, 60),
                10,
                255,
                NOW.toLocalDate().minusDays(1).atStartOfDay()));

    assertThat(answer.logId()).isEqualTo(DAILY);
    assertThat(ids(answer)).containsExactly(2, 3);
    assertThat(answer.records())
        .extracting(r -> r.values().get(0).date().orElseThrow())
        .containsExactly(LocalDate.of(2024, 3, 14), LocalDate.of(2024, 3, 15));
    assertThat(answer.records()).extracting(MeterLogTest::time).containsOnly(LocalTime.MIDNIGHT);
  }

  @Test
  void aFullLogDropsItsOldestRecordsAndIdsKeepCounting() {
    SimulatedMeter small = new SimulatedMeter(MeterConfig.builder().hourlyLog(3, 3).build(), clock);

    clock.advance(Duration.ofHours(2));
    LogResponse answer = read(small, new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 10, 255, 3));

    assertThat(ids(answer)).containsExactly(3, 4, 5);
    assertThat(answer.oldestRecordId()).isEqualTo(3);
    assertThat(answer.newestRecordId()).isEqualTo(5);
    assertThat(read(small, new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 10, 255, 1)).info())
        .isEqualTo(LogResponse.INFO_OUT_OF_RANGE);
  }

  @Test
  void aLongJumpKeepsOnlyTheNewestRecordsWithIdsCountingEveryHour() {
    clock.advance(Duration.ofDays(30));

    LogResponse answer = read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 1, 255));

    assertThat(answer.newestRecordId()).isEqualTo(5 + 30 * 24);
    assertThat(answer.oldestRecordId()).isEqualTo(5 + 30 * 24 - 47);
    assertThat(ids(answer)).containsExactly(5 + 30 * 24 - 47);
  }

  @Test
  void recordIdsAreSixteenBitsAndWrapAround() {
    SimulatedMeter small = new SimulatedMeter(MeterConfig.builder().hourlyLog(3, 3).build(), clock);
    clock.advance(Duration.ofHours(65_534)); // record sequence numbers 65 535 .. 65 537

    LogResponse answer = read(small, new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 3, 255));

    assertThat(ids(answer)).containsExactly(65_535, 0, 1);
    assertThat(answer.oldestRecordId()).isEqualTo(65_535);
    assertThat(answer.newestRecordId()).isEqualTo(1);
    assertThat(read(small, new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 3, 255, 0)).records())
        .hasSize(2);
  }

  @Test
  void aClockSetBackLogsNothingUntilItPassesTheLastRecordAgain() {
    meter.handle(new SetClockRequest(NOW.minusHours(3)));
    clock.advance(Duration.ofHours(2));
    LogResponse unchanged = read(new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 10, 255, 5));
    meter.handle(new SetClockRequest(NOW.plusHours(2)));
    LogResponse caughtUp = read(new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 10, 255, 5));

    assertThat(unchanged.newestRecordId()).isEqualTo(5);
    assertThat(ids(caughtUp)).containsExactly(5, 6, 7);
    assertThat(time(caughtUp.records().get(2))).isEqualTo(LocalTime.of(12, 0));
  }

  @Test
  void newIntervalRecordsSetEs2Bit0AndLastPresentReadsThem() {
    assertThat(status()).isEqualTo(EventStatus.NONE);
    LogResponse nothingNew = read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 10, 255));

    clock.advance(Duration.ofHours(2));

    assertThat(nothingNew.records()).isEmpty();
    assertThat(nothingNew.info()).isEqualTo(LogResponse.INFO_END_OF_LOG);
    assertThat(status().intervalLogUnread()).isTrue();
    assertThat(ids(read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 10, 255))))
        .containsExactly(6, 7);
  }

  @Test
  void clearEventStatusClearsConditionalBitsOnlyOnceTheNewestRecordWasRead() {
    clock.advance(Duration.ofHours(2));
    assertThat(ids(read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 1, 255))))
        .containsExactly(6);

    EventStatus afterPartialRead = clear(INTERVAL_BIT, EventStatus.NONE);
    LogResponse next = read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 10, 255));
    EventStatus afterFullRead = clear(INTERVAL_BIT, EventStatus.NONE);
    LogResponse none = read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 10, 255));

    assertThat(afterPartialRead.intervalLogUnread()).isTrue();
    assertThat(ids(next)).as("the marker moved past record 6").containsExactly(7);
    assertThat(afterFullRead.intervalLogUnread()).isFalse();
    assertThat(status()).isEqualTo(EventStatus.NONE);
    assertThat(none.records()).isEmpty();
  }

  @Test
  void readingTheNewestRecordAnyWayCountsForTheConditionalClear() {
    clock.advance(Duration.ofHours(1));
    read(new GetLogIdPresentRequest(HOURLY, CLOCK_E1, 10, 255, 6));

    assertThat(clear(INTERVAL_BIT, EventStatus.NONE).intervalLogUnread()).isFalse();
    assertThat(read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 10, 255)).records()).isEmpty();
  }

  @Test
  void unconditionalClearAlwaysClears() {
    clock.advance(Duration.ofHours(1));

    EventStatus cleared = clear(EventStatus.NONE, INTERVAL_BIT);

    assertThat(cleared).isEqualTo(EventStatus.NONE);
    assertThat(ids(read(new GetLogLastPresentRequest(HOURLY, CLOCK_E1, 10, 255))))
        .as("nothing was read, so the marker stayed")
        .containsExactly(6);
  }

  @Test
  void theDailyLogHasItsOwnLastReadMarker() {
    clock.set(java.time.Instant.parse("2024-03-16T00:00:00Z"));
    GetLogLastPresentRequest daily = new GetLogLastPresentRequest(DAILY, List.of(1003), 10, 255);

    LogResponse fresh = read(daily);
    clear(EventStatus.NONE, EventStatus.NONE);
    LogResponse afterClear = read(daily);

    assertThat(fresh.records()).hasSize(1);
    assertThat(fresh.records().get(0).values().get(0).date()).contains(LocalDate.of(2024, 3, 16));
    assertThat(afterClear.records()).isEmpty();
  }
}
