package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetSerialNoRequest;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.message.RawResponse;
import org.camelkmp.kmp.message.SetClockRequest;
import org.junit.jupiter.api.Test;

/** Fault injection: each kind, and how long faults last. */
class FaultTest {
  private final SimulatedMeter meter =
      new SimulatedMeter(
          MeterConfig.builder().hourlyLog(1, 0).dailyLog(1, 0).build(), MutableClock.standard());
  private final byte[] getType = Wire.request(new GetTypeRequest());
  private final byte[] normalAnswer = meter.respond(getType).orElseThrow();

  private Reply exchange() {
    return meter.exchange(getType);
  }

  @Test
  void withoutFaultsTheReplyIsTheAnswer() {
    assertThat(exchange()).isEqualTo(Reply.of(normalAnswer));
    assertThat(meter.faults().isEmpty()).isTrue();
  }

  @Test
  void theMeterCountsTheAnswersItSentPerCommandButNotTheOnesAFaultSilenced() {
    exchange();
    meter.faults().inject(Fault.noAnswer(), 1);
    exchange();
    exchange();
    meter.exchange(Wire.request(new GetSerialNoRequest()));

    assertThat(meter.answersSent(new GetTypeRequest().cid())).isEqualTo(2);
    assertThat(meter.answersSent(new GetSerialNoRequest().cid())).isEqualTo(1);
    assertThat(meter.answersSent(0x10)).isZero();
  }

  @Test
  void noAnswerSilencesTheMeter() {
    meter.faults().inject(Fault.noAnswer(), 1);

    assertThat(exchange().isSilent()).isTrue();
    assertThat(exchange().answer()).isEqualTo(normalAnswer);
  }

  @Test
  void delayAddsToTheReplysDelay() {
    meter.faults().inject(Fault.delay(Duration.ofMillis(300)), 1);
    meter.faults().inject(Fault.delay(Duration.ofMillis(200)), 1);

    Reply reply = exchange();

    assertThat(reply.delay()).isEqualTo(Duration.ofMillis(500));
    assertThat(reply.answer()).isEqualTo(normalAnswer);
  }

  @Test
  void echoSendsTheRequestFirst() {
    meter.faults().inject(Fault.echo(), 1);

    Reply reply = exchange();
    FrameReceiver reader = new FrameReceiver(Direction.RESPONSE, true);
    FrameReceiver.Event last = FrameReceiver.Event.NONE;
    for (byte b : reply.wire()) {
      last = reader.accept(b);
    }

    assertThat(reply.echo()).isEqualTo(getType);
    assertThat(reply.wire()).startsWith(getType).endsWith(normalAnswer);
    assertThat(last).isEqualTo(FrameReceiver.Event.FRAME);
    assertThat(reader.otherDirectionFrameSeen()).isTrue();
    assertThat(reader.frame()).isEqualTo(normalAnswer);
  }

  @Test
  void echoAlsoComesWhenTheMeterIsSilent() {
    meter.faults().inject(Fault.echo(), 1).inject(Fault.noAnswer(), 1);

    Reply reply = exchange();

    assertThat(reply.echo()).isEqualTo(getType);
    assertThat(reply.answer()).isEmpty();
  }

  @Test
  void corruptCrcBreaksTheCrcOfTheAnswer() {
    meter.faults().inject(Fault.corruptCrc(), 1);

    byte[] answer = exchange().answer();

    assertThat(answer).hasSameSizeAs(normalAnswer).isNotEqualTo(normalAnswer);
    assertThatThrownBy(() -> FrameCodec.decode(answer)).isInstanceOf(KmpCrcException.class);
  }

  @Test
  void corruptCrcRestuffsWhenTheBrokenCrcNeedsIt() {
    // over many CRCs some broken low bytes become reserved (0x07 -> 0x06) and must be stuffed
    for (long serial = 0; serial < 500; serial++) {
      SimulatedMeter m =
          new SimulatedMeter(
              MeterConfig.builder().serialNumber(serial).hourlyLog(1, 0).dailyLog(1, 0).build(),
              MutableClock.standard());
      m.faults().inject(Fault.corruptCrc(), 1);
      byte[] answer = m.exchange(Wire.request(new GetSerialNoRequest())).answer();
      assertThatThrownBy(() -> FrameCodec.decode(answer)).isInstanceOf(KmpCrcException.class);
    }
  }

  @Test
  void truncateSendsOnlyTheFirstBytes() {
    meter.faults().inject(Fault.truncate(4), 1);

    assertThat(exchange().answer()).isEqualTo(Arrays.copyOf(normalAnswer, 4));
  }

  @Test
  void dropMiddleLosesBytesInsideTheFrame() {
    meter.faults().inject(Fault.dropMiddle(2), 1);

    byte[] answer = exchange().answer();

    assertThat(answer).hasSize(normalAnswer.length - 2);
    assertThat(answer[0]).isEqualTo(normalAnswer[0]);
    assertThat(answer[answer.length - 1]).isEqualTo((byte) 0x0D);
    assertThatThrownBy(() -> FrameCodec.decode(answer)).isInstanceOf(KmpException.class);
  }

  @Test
  void wrongCidAnswersWithAnotherCidAndAValidCrc() {
    meter.faults().inject(Fault.wrongCid(0x02), 1);

    KmpResponse response = Wire.response(exchange().answer());

    assertThat(response.cid()).isEqualTo(0x02);
  }

  @Test
  void wrongCidToAnUnknownCommandDecodesAsRaw() {
    meter.faults().inject(Fault.wrongCid(0x77), 1);

    assertThat(Wire.response(exchange().answer())).isInstanceOf(RawResponse.class);
  }

  @Test
  void noiseComesBeforeTheAnswer() {
    meter.faults().inject(Fault.noise((byte) 0x00), 1);

    Reply reply = exchange();
    FrameReceiver reader = new FrameReceiver(Direction.RESPONSE, true);
    for (byte b : reply.answer()) {
      reader.accept(b);
    }

    assertThat(reply.answer()[0]).isZero();
    assertThat(reader.frame()).isEqualTo(normalAnswer);
    assertThat(reader.discarded()).isEqualTo(1);
  }

  @Test
  void frameFaultsLeaveALoneAckAlone() {
    meter.faults().inject(Fault.corruptCrc(), 1).inject(Fault.wrongCid(1), 1);

    Reply reply =
        meter.exchange(
            Wire.request(new SetClockRequest(java.time.LocalDateTime.of(2024, 1, 1, 0, 0))));

    assertThat(reply.answer()).containsExactly(0x06);
  }

  @Test
  void faultsLastForTheNextNRequestsAnsweredOrNot() {
    meter.faults().inject(Fault.noAnswer(), 2);

    Reply ignored = meter.exchange(Wire.request(0x7F, new GetTypeRequest()));
    Reply second = exchange();
    Reply third = exchange();

    assertThat(ignored.isSilent()).isTrue();
    assertThat(second.isSilent()).isTrue();
    assertThat(third.answer()).isEqualTo(normalAnswer);
  }

  @Test
  void faultsInjectedUntilClearedLastUntilCleared() {
    meter.faults().injectUntilCleared(Fault.truncate(1));

    for (int i = 0; i < 5; i++) {
      assertThat(exchange().answer()).hasSize(1);
    }
    assertThat(meter.faults().active()).containsExactly(Fault.truncate(1));
    meter.faults().clear();
    assertThat(exchange().answer()).isEqualTo(normalAnswer);
  }

  @Test
  void faultsApplyInTheOrderInjected() {
    meter.faults().inject(Fault.noise((byte) 0, (byte) 0x55), 1).inject(Fault.truncate(3), 1);

    assertThat(exchange().answer()).containsExactly(0x00, 0x55, 0x40);
  }

  @Test
  void faultArgumentsAreChecked() {
    assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.dropMiddle(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.wrongCid(256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.noise()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> meter.faults().inject(Fault.echo(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noiseIsAValue() {
    assertThat(Fault.noise((byte) 1, (byte) 2)).isEqualTo(Fault.noise((byte) 1, (byte) 2));
    assertThat(Fault.noise((byte) 1).hashCode()).isEqualTo(Fault.noise((byte) 1).hashCode());
    assertThat(Fault.noise((byte) 0x1B).toString()).contains("1b");
    assertThat(((Fault.Noise) Fault.noise((byte) 7)).bytes()).containsExactly(7);
  }

  @Test
  void replyIsAValueWithDefensiveCopies() {
    byte[] answer = {1, 2};
    Reply reply = Reply.of(answer);
    answer[0] = 9;

    assertThat(reply.answer()).containsExactly(1, 2);
    assertThat(reply)
        .isEqualTo(Reply.of(new byte[] {1, 2}))
        .hasSameHashCodeAs(Reply.of(new byte[] {1, 2}));
    assertThat(reply.toString()).contains("0102");
    assertThat(Reply.SILENT.isSilent()).isTrue();
    assertThatThrownBy(() -> reply.withDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(((GetTypeResponse) Wire.response(normalAnswer)).meterType()).isEqualTo(0x0403);
  }

  @Test
  void thePlanNumbersEveryRequestAndRemembersWhichOnesFaultsHit() {
    exchange();
    meter.faults().inject(Fault.noAnswer(), 1).inject(Fault.noise((byte) 0), 2);
    exchange();
    exchange();
    exchange();

    assertThat(meter.faults().requestsSeen()).isEqualTo(4);
    assertThat(meter.faults().hits())
        .containsExactly(
            new FaultPlan.Hit(2, java.util.List.of(Fault.noAnswer(), Fault.noise((byte) 0))),
            new FaultPlan.Hit(3, java.util.List.of(Fault.noise((byte) 0))));
  }

  @Test
  void anOnRequestFaultRunsItsActionWhenTheRequestArrivesAndLeavesTheReply() {
    java.util.List<Long> seenWhenRun = new java.util.ArrayList<>();
    meter
        .faults()
        .inject(
            Fault.onRequest(
                "gateway stopped", () -> seenWhenRun.add(meter.faults().requestsSeen())),
            1);

    Reply first = exchange();
    Reply second = exchange();

    assertThat(seenWhenRun).containsExactly(1L);
    assertThat(first.answer()).isEqualTo(normalAnswer);
    assertThat(second.answer()).isEqualTo(normalAnswer);
    assertThat(Fault.onRequest("gateway stopped", () -> {}).toString())
        .isEqualTo("OnRequest[gateway stopped]");
  }
}
