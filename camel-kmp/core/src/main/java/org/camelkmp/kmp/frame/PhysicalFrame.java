package org.camelkmp.kmp.frame;

import java.util.Arrays;

/**
 * A frame after the physical layer: its direction and the destuffed data-link bytes, or an ACK.
 *
 * @param direction request or response; null for an ACK
 * @param dataLink destuffed address, CID, data and CRC; empty for an ACK
 */
public record PhysicalFrame(Direction direction, byte[] dataLink) {

  /** The lone ACK byte. */
  public static final PhysicalFrame ACK_FRAME = new PhysicalFrame(null, new byte[0]);

  public PhysicalFrame {
    dataLink = dataLink.clone();
  }

  @Override
  public byte[] dataLink() {
    return dataLink.clone();
  }

  /** Whether this is the lone ACK byte. */
  public boolean isAck() {
    return direction == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhysicalFrame f
        && f.direction == direction
        && Arrays.equals(f.dataLink, dataLink);
  }

  @Override
  public int hashCode() {
    return 31 * (direction == null ? 0 : direction.hashCode()) + Arrays.hashCode(dataLink);
  }

  @Override
  public String toString() {
    return isAck() ? "ACK" : direction + " " + java.util.HexFormat.of().formatHex(dataLink);
  }
}
