package org.camelkmp.kmp.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.error.KmpFramingException;
import org.junit.jupiter.api.Test;

class DataLinkLayerTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void appendsCrcBigEndian() {
    assertThat(HEX.formatHex(DataLinkLayer.encode(new DataLinkFrame(0x3F, new byte[] {0x02}))))
        .isEqualTo("3f0235e9");
  }

  @Test
  void rejectsWrongCrcNamingBothValues() {
    assertThatThrownBy(() -> DataLinkLayer.decode(HEX.parseHex("3F0235EA")))
        .isInstanceOf(KmpCrcException.class)
        .hasMessageContaining("0x35EA")
        .hasMessageContaining("0x35E9");
  }

  @Test
  void rejectsFramesShorterThanFourBytes() {
    assertThatThrownBy(() -> DataLinkLayer.decode(HEX.parseHex("3F01")))
        .isInstanceOf(KmpFramingException.class)
        .hasMessageContaining("too short");
  }

  @Property
  void decodeUndoesEncode(
      @ForAll @IntRange(max = 255) int address,
      @ForAll @Size(min = 1, max = 100) byte[] application) {
    DataLinkFrame frame = new DataLinkFrame(address, application);
    assertThat(DataLinkLayer.decode(DataLinkLayer.encode(frame))).isEqualTo(frame);
  }

  @Property
  void anySingleBitFlipIsDetected(
      @ForAll @Size(min = 1, max = 50) byte[] application, @ForAll @IntRange(max = 1000) int flip) {
    byte[] encoded = DataLinkLayer.encode(new DataLinkFrame(0x3F, application));
    int bit = flip % (encoded.length * 8);
    encoded[bit / 8] ^= (byte) (1 << (bit % 8));
    assertThatThrownBy(() -> DataLinkLayer.decode(encoded)).isInstanceOf(KmpCrcException.class);
  }

  @Test
  void checkReturnsTheAddressAndRefusesWhatDecodeRefuses() {
    assertThat(DataLinkLayer.check(HEX.parseHex("3f0235e9"))).isEqualTo(0x3F);
    assertThatThrownBy(() -> DataLinkLayer.check(HEX.parseHex("3F0235EA")))
        .isInstanceOf(KmpCrcException.class);
    assertThatThrownBy(() -> DataLinkLayer.check(HEX.parseHex("3F01")))
        .isInstanceOf(KmpFramingException.class);
  }
}
