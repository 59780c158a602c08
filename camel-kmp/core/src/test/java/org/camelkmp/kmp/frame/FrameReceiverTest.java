package org.camelkmp.kmp.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.camelkmp.kmp.error.KmpFramingException;
import org.junit.jupiter.api.Test;

class FrameReceiverTest {
  private static final HexFormat HEX = HexFormat.of();

  private static List<String> feed(FrameReceiver receiver, String hex) {
    List<String> events = new ArrayList<>();
    for (byte b : HEX.parseHex(hex)) {
      FrameReceiver.Event event = receiver.accept(b);
      if (event == FrameReceiver.Event.FRAME) {
        events.add(HEX.formatHex(receiver.frame()));
      } else if (event == FrameReceiver.Event.ACK) {
        events.add("ack");
      }
    }
    return events;
  }

  @Test
  void skipsTheEchoOfTheRequestBeforeTheAnswer() {
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, false);
    assertThat(feed(receiver, "803F0235E90D" + "403F0201234567E9560D"))
        .containsExactly("403f0201234567e9560d");
    assertThat(receiver.otherDirectionFrameSeen()).isTrue();
    assertThat(receiver.discarded()).isEqualTo(6);
  }

  @Test
  void skipsStrayZeroAndNoise() {
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, false);
    assertThat(feed(receiver, "00FF1B0D" + "403F0201234567E9560D")).hasSize(1);
    assertThat(receiver.otherDirectionFrameSeen()).isFalse();
    assertThat(receiver.discarded()).isEqualTo(4);
  }

  @Test
  void restartsOnAStartByteInsideAFrame() {
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, false);
    assertThat(feed(receiver, "403F02" + "403F0201234567E9560D"))
        .containsExactly("403f0201234567e9560d");
  }

  @Test
  void reportsLoneAckOnlyWhenAccepted() {
    assertThat(feed(new FrameReceiver(Direction.RESPONSE, true), "00" + "06"))
        .containsExactly("ack");
    assertThat(feed(new FrameReceiver(Direction.RESPONSE, false), "06")).isEmpty();
  }

  @Test
  void ackByteInsideAnEchoedRequestIsNotAnAck() {
    // an echoed frame never holds a raw 06 because it is stuffed; a broken echo might
    assertThat(feed(new FrameReceiver(Direction.RESPONSE, true), "803F06")).isEmpty();
  }

  @Test
  void tracksAPartialFrame() {
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, false);
    feed(receiver, "00403F02");
    assertThat(receiver.inFrame()).isTrue();
    assertThat(receiver.partialLength()).isEqualTo(3);
    assertThat(receiver.received()).isEqualTo(4);
    receiver.reset();
    assertThat(receiver.inFrame()).isFalse();
    assertThat(receiver.received()).isZero();
  }

  @Test
  void endlessFrameIsAFramingErrorNotUnboundedMemory() {
    FrameReceiver receiver = new FrameReceiver(Direction.REQUEST, false);
    receiver.accept(0x80);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < PhysicalLayer.MAX_FRAME_LENGTH; i++) {
                receiver.accept(0x11);
              }
            })
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("frame too long");
    assertThat(receiver.inFrame()).isFalse();
    assertThat(feed(receiver, "803F01058A0D")).containsExactly("803f01058a0d");
  }
}
