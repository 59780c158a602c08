package org.camelkmp.kmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table of commands: each builds its request from named arguments, and the table names it. */
class CommandTableTest {
  private static final LocalDateTime FROM = LocalDateTime.of(2026, 11, 23, 10, 0);

  static Stream<Arguments> requestsFromArguments() {
    List<Integer> e1v1 = List.of(60, 68);
    return Stream.of(
        Arguments.of(CommandId.GET_TYPE, Map.of(), new GetTypeRequest()),
        Arguments.of(CommandId.GET_SERIAL_NO, Map.of(), new GetSerialNoRequest()),
        Arguments.of(CommandId.SET_CLOCK, Map.of("clock", FROM), new SetClockRequest(FROM)),
        Arguments.of(
            CommandId.GET_REGISTER,
            Map.of("registers", List.of(60, 68, 60)),
            new GetRegisterRequest(e1v1)),
        Arguments.of(
            CommandId.PUT_REGISTER,
            Map.of(
                "registers",
                List.of(60),
                "value",
                new BigDecimal("1.5"),
                "unit",
                "GJ",
                "password",
                7),
            new PutRegisterRequest(7, RegisterValue.ofNumber(60, new BigDecimal("1.5"), 8, 4))),
        Arguments.of(CommandId.GET_EVENT_STATUS, Map.of(), new GetEventStatusRequest()),
        Arguments.of(
            CommandId.CLEAR_EVENT_STATUS,
            Map.of("unconditionalMask", 0x01020304L),
            new ClearEventStatusRequest(EventStatus.NONE, new EventStatus(1, 2, 3, 4))),
        Arguments.of(
            CommandId.GET_LOG_TIME_PRESENT,
            Map.of("registers", e1v1, "logFrom", FROM),
            new GetLogTimePresentRequest(1, e1v1, 1, 255, FROM)),
        Arguments.of(
            CommandId.GET_LOG_LAST_PRESENT,
            Map.of("registers", e1v1, "logId", 2, "logRecords", 5, "maxLength", 100),
            new GetLogLastPresentRequest(2, e1v1, 5, 100)),
        Arguments.of(
            CommandId.GET_LOG_ID_PRESENT,
            Map.of("registers", e1v1, "logRecordId", 42),
            new GetLogIdPresentRequest(1, e1v1, 1, 255, 42)),
        Arguments.of(
            CommandId.GET_LOG_TIME_PAST,
            Map.of("registers", e1v1, "logFrom", FROM, "logOffset", 3),
            new GetLogTimePastRequest(1, e1v1, 1, 255, FROM, 3)),
        Arguments.of(
            CommandId.GET_LOGGER_CONFIG,
            Map.of("loggerType", 5),
            new GetLoggerConfigRequest(GetLoggerConfigRequest.HOUR)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsFromArguments")
  void everyCommandBuildsItsRequestFromNamedArguments(
      CommandId command, Map<String, Object> arguments, KmpRequest expected) {
    KmpRequest request = command.request(new MapArguments(arguments));
    assertThat(request).isEqualTo(expected);
    assertThat(request.command()).contains(command);
  }

  @Test
  void everyCommandOfTheTableIsCoveredAbove() {
    assertThat(requestsFromArguments().map(a -> a.get()[0]))
        .containsExactlyInAnyOrder((Object[]) CommandId.values());
  }

  @Test
  void aMissingRequiredArgumentIsNamedTheWayTheCallerNamesIt() {
    assertThatThrownBy(
            () ->
                CommandId.GET_LOG_ID_PRESENT.request(
                    new MapArguments(Map.of("registers", List.of(60)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("argument logRecordId is required");
  }

  @Test
  void moreRegistersThanACommandTakesAreRefusedNamingThem() {
    assertThatThrownBy(
            () ->
                CommandId.GET_LOG_LAST_PRESENT.request(
                    new MapArguments(Map.of("registers", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)))))
        .hasMessage("this command takes at most 8 register(s), got 9: [1, 2, 3, 4, 5, 6, 7, 8, 9]");
  }

  @Test
  void aRegisterValueArgumentIsWrittenAsGiven() {
    RegisterValue value = RegisterValue.ofNumber(68, new BigDecimal("9.5"), 40, 4);
    assertThat(CommandId.PUT_REGISTER.request(new MapArguments(Map.of("registerValue", value))))
        .isEqualTo(new PutRegisterRequest(0, value));
  }

  @Test
  void onlyTheWritesAreAnsweredByAnAck() {
    for (CommandId command : CommandId.values()) {
      boolean ackExpected = command == CommandId.SET_CLOCK || command == CommandId.PUT_REGISTER;
      assertThat(command.answeredByAck()).as(command.commandName()).isEqualTo(ackExpected);
    }
    assertThat(new RawRequest(CommandId.SET_CLOCK.code(), new byte[0]).expectsAck()).isTrue();
    assertThat(new RawRequest(0x77, new byte[0]).expectsAck()).isFalse();
  }

  @Test
  void everyCidIsFoundInTheTable() {
    for (CommandId command : CommandId.values()) {
      assertThat(CommandId.of(command.code())).contains(command);
    }
    assertThat(CommandId.of(0x77)).isEmpty();
    assertThat(CommandId.of(-1)).isEmpty();
    assertThat(CommandId.of(256)).isEmpty();
  }

  @Test
  void aRequestTypeOutsideTheTableIsRefusedWhenEncoded() {
    KmpRequest foreign =
        new KmpRequest() {
          @Override
          public int cid() {
            return CommandId.GET_TYPE.code();
          }
        };
    assertThatThrownBy(() -> ApplicationLayer.encode(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no codec for");
  }
}
