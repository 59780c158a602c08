package org.camelkmp.kmp.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;

class FrameRedactionTest {
  private static final RegisterValue VALUE = RegisterValue.ofNumber(60, BigDecimal.TEN, 8, 4);

  @Test
  void putRegisterPasswordIsHidden() {
    byte[] frame = FrameCodec.encodeRequest(0x3F, new PutRegisterRequest(0x1234, VALUE));
    assertThat(FrameRedaction.carriesSecret(frame)).isTrue();
    assertThat(FrameRedaction.hex(frame))
        .startsWith("80 3F 11 ** ** 00 3C")
        .doesNotContain("12 34");
  }

  @Test
  void stuffedPasswordBytesAreHiddenWhole() {
    // 0x0D and 0x06 are escaped on the wire: 1B F2 1B F9
    byte[] frame = FrameCodec.encodeRequest(0x3F, new PutRegisterRequest(0x0D06, VALUE));
    assertThat(FrameRedaction.hex(frame))
        .startsWith("80 3F 11 ** ** ** ** 00 3C")
        .doesNotContain("F2")
        .doesNotContain("F9 00 3C");
  }

  @Test
  void otherFramesAreShownAsTheyAre() {
    byte[] frame = FrameCodec.encodeRequest(0x3F, GetRegisterRequest.of(128));
    assertThat(FrameRedaction.carriesSecret(frame)).isFalse();
    assertThat(FrameRedaction.hex(frame)).isEqualTo("80 3F 10 01 00 1B 7F D4 08 0D");
  }

  @Test
  void echoOfAPutRegisterIsHiddenInWhatCameBack() {
    byte[] request = FrameCodec.encodeRequest(0x3F, new PutRegisterRequest(0x1234, VALUE));
    byte[] received = new byte[request.length + 1];
    System.arraycopy(request, 0, received, 0, request.length);
    received[request.length] = 0x06;
    assertThat(FrameRedaction.received(received, request))
        .contains("** **")
        .endsWith(" 06")
        .doesNotContain("12 34");
    byte[] other = FrameCodec.encodeRequest(0x3F, GetRegisterRequest.of(60));
    assertThat(FrameRedaction.received(new byte[] {0x40, 0x0D}, other)).isEqualTo("40 0D");
  }
}
