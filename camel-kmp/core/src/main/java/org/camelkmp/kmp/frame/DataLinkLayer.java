package org.camelkmp.kmp.frame;

import java.util.Arrays;
import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.error.KmpFramingException;

/** The data-link layer: destination address first, CRC-16/XMODEM last, big-endian. */
public final class DataLinkLayer {
  /** Address, CID and two CRC bytes. */
  public static final int MIN_LENGTH = 4;

  private DataLinkLayer() {}

  /** Address + application bytes + CRC. */
  public static byte[] encode(DataLinkFrame frame) {
    byte[] application = frame.application();
    byte[] out = new byte[application.length + 3];
    out[0] = (byte) frame.address();
    System.arraycopy(application, 0, out, 1, application.length);
    int crc = Crc16.compute(out, 0, application.length + 1);
    out[out.length - 2] = (byte) (crc >>> 8);
    out[out.length - 1] = (byte) crc;
    return out;
  }

  /**
   * Checks length and CRC and splits off the address.
   *
   * @throws KmpFramingException when shorter than {@link #MIN_LENGTH}
   * @throws KmpCrcException when the CRC does not match
   */
  public static DataLinkFrame decode(byte[] dataLink) {
    int address = check(dataLink);
    return new DataLinkFrame(address, Arrays.copyOfRange(dataLink, 1, dataLink.length - 2));
  }

  /**
   * Checks length and CRC as {@link #decode(byte[])} does and returns the address, without copying:
   * the application bytes (CID, data) are {@code dataLink[1 .. length - 2)}. For readers that
   * decode them in place.
   *
   * @throws KmpFramingException when shorter than {@link #MIN_LENGTH}
   * @throws KmpCrcException when the CRC does not match
   */
  public static int check(byte[] dataLink) {
    if (dataLink.length < MIN_LENGTH) {
      throw new KmpFramingException(
          "frame too short: "
              + dataLink.length
              + " byte(s) between start and stop, at least 4 (address, CID, CRC) expected");
    }
    int carried =
        ((dataLink[dataLink.length - 2] & 0xFF) << 8) | (dataLink[dataLink.length - 1] & 0xFF);
    int computed = Crc16.compute(dataLink, 0, dataLink.length - 2);
    if (carried != computed) {
      throw new KmpCrcException(computed, carried);
    }
    return dataLink[0] & 0xFF;
  }
}
