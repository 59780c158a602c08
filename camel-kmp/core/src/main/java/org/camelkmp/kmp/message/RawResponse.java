package org.camelkmp.kmp.message;

import java.util.Arrays;
import java.util.HexFormat;

/** A response with a CID the codec has no type for, kept as bytes. */
public record RawResponse(int cid, byte[] data) implements KmpResponse {
  public RawResponse {
    if (cid < 0 || cid > 255) {
      throw new IllegalArgumentException("CID " + cid + " is out of range 0..255");
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawResponse r && r.cid == cid && Arrays.equals(r.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * cid + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("RawResponse[cid=0x%02X, data=%s]", cid, HexFormat.of().formatHex(data));
  }
}
