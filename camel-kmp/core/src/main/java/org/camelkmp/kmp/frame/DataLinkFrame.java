package org.camelkmp.kmp.frame;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A data-link frame without its CRC: destination address and application bytes (CID, data).
 *
 * @param address destination address 0..255 (0x3F heat meter, 0x7F top module, 0xBF base module)
 * @param application CID followed by the command's data; at least the CID
 */
public record DataLinkFrame(int address, byte[] application) {

  public DataLinkFrame {
    if (address < 0 || address > 255) {
      throw new IllegalArgumentException("address " + address + " is out of range 0..255");
    }
    if (application.length < 1) {
      throw new IllegalArgumentException("application data must hold at least the CID");
    }
    application = application.clone();
  }

  @Override
  public byte[] application() {
    return application.clone();
  }

  /** The command id. */
  public int cid() {
    return application[0] & 0xFF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataLinkFrame f
        && f.address == address
        && Arrays.equals(f.application, application);
  }

  @Override
  public int hashCode() {
    return 31 * address + Arrays.hashCode(application);
  }

  @Override
  public String toString() {
    return String.format(
        "DataLinkFrame[address=0x%02X, %s]", address, HexFormat.of().formatHex(application));
  }
}
