package org.camelkmp.kmp.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.camelkmp.kmp.error.KmpFramingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhysicalLayerTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void stuffsEveryReservedByte() {
    assertThat(HEX.formatHex(PhysicalLayer.stuff(HEX.parseHex("040D0006"))))
        .isEqualTo("041bf2001bf9");
    assertThat(HEX.formatHex(PhysicalLayer.stuff(HEX.parseHex("1B")))).isEqualTo("1be4");
    assertThat(HEX.formatHex(PhysicalLayer.stuff(HEX.parseHex("8040")))).isEqualTo("1b7f1bbf");
  }

  @Test
  void destuffsInOnePass() {
    // 1B E4 is an escaped 1B; the 7F after it is data, not the second half of an escape.
    assertThat(HEX.formatHex(PhysicalLayer.destuff(HEX.parseHex("1BE47F"), 0, 3)))
        .isEqualTo("1b7f");
    assertThat(HEX.formatHex(PhysicalLayer.destuff(HEX.parseHex("041BF2001BF9"), 0, 6)))
        .isEqualTo("040d0006");
  }

  @Test
  void rejectsEscapeOfANonReservedByte() {
    assertThatThrownBy(() -> PhysicalLayer.destuff(HEX.parseHex("001B00"), 0, 3))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("invalid escape 1B 00");
  }

  @Test
  void rejectsEscapeAsLastByte() {
    assertThatThrownBy(() -> PhysicalLayer.decode(HEX.parseHex("803F1B0D")))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("truncated escape");
  }

  @ParameterizedTest
  @ValueSource(strings = {"803F400D", "803F060D", "803F800D"})
  void rejectsUnescapedReservedByteInside(String frame) {
    assertThatThrownBy(() -> PhysicalLayer.decode(HEX.parseHex(frame)))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("unescaped reserved byte");
  }

  @Test
  void rejectsBadStartAndStopBytes() {
    assertThatThrownBy(() -> PhysicalLayer.decode(HEX.parseHex("003F010D")))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("bad start byte 0x00");
    assertThatThrownBy(() -> PhysicalLayer.decode(HEX.parseHex("803F0100")))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("bad stop byte 0x00");
  }

  @Test
  void rejectsFramesBeyondTheMaximumLength() {
    byte[] huge = new byte[PhysicalLayer.MAX_FRAME_LENGTH + 1];
    huge[0] = (byte) 0x80;
    huge[huge.length - 1] = 0x0D;
    assertThatThrownBy(() -> PhysicalLayer.decode(huge))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("frame too long");
    assertThatThrownBy(
            () ->
                PhysicalLayer.encode(
                    Direction.REQUEST, new byte[PhysicalLayer.MAX_DATA_LINK_LENGTH + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loneAckDecodesAsAck() {
    assertThat(PhysicalLayer.decode(new byte[] {0x06}).isAck()).isTrue();
  }

  @Test
  void encodeAddsStartAndStopByDirection() {
    assertThat(HEX.formatHex(PhysicalLayer.encode(Direction.REQUEST, HEX.parseHex("3F01058A"))))
        .isEqualTo("803f01058a0d");
    assertThat(HEX.formatHex(PhysicalLayer.encode(Direction.RESPONSE, HEX.parseHex("3F06"))))
        .isEqualTo("403f1bf90d");
  }

  @Property
  void destuffUndoesStuff(@ForAll @Size(max = 300) byte[] data) {
    byte[] stuffed = PhysicalLayer.stuff(data);
    assertThat(PhysicalLayer.destuff(stuffed, 0, stuffed.length)).isEqualTo(data);
    for (byte b : stuffed) {
      assertThat(b == 0x1B || !PhysicalLayer.isReserved(b)).isTrue();
    }
  }

  @Property
  void decodeUndoesEncode(
      @ForAll @Size(min = 1, max = 300) byte[] data, @ForAll Direction direction) {
    PhysicalFrame frame = PhysicalLayer.decode(PhysicalLayer.encode(direction, data));
    assertThat(frame.direction()).isEqualTo(direction);
    assertThat(frame.dataLink()).isEqualTo(data);
  }

  @Property
  void unwrapGivesTheDataLinkBytesOfDecode(
      @ForAll @Size(min = 1, max = 300) byte[] data, @ForAll Direction direction) {
    byte[] frame = PhysicalLayer.encode(direction, data);
    assertThat(PhysicalLayer.unwrap(frame)).isEqualTo(PhysicalLayer.decode(frame).dataLink());
    assertThat(frame).hasSize(2 + PhysicalLayer.stuff(data).length);
  }

  @Test
  void unwrapRefusesWhatDecodeRefusesAndALoneAck() {
    assertThatThrownBy(() -> PhysicalLayer.unwrap(new byte[] {0x06}))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> PhysicalLayer.unwrap(new byte[] {0x41, 0x02, 0x0D}))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("start byte");
    assertThatThrownBy(() -> PhysicalLayer.unwrap(new byte[] {0x40, 0x02, 0x0E}))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("stop byte");
  }
}
