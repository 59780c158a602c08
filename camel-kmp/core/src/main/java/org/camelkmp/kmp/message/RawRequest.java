package org.camelkmp.kmp.message;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A request the codec has no type for: any CID with its data as bytes. Lets a caller send a command
 * this library does not model (such as the 0xB8 logger family) and a decoder show one.
 */
public record RawRequest(int cid, byte[] data) implements KmpRequest {
  public RawRequest {
    if (cid < 0 || cid > 255) {
      throw new IllegalArgumentException("CID " + cid + " is out of range 0..255");
    }
    data = data.clone();
  }

  /**
   * The known command with this CID whose data this is; empty for an unknown CID, and for a
   * sub-command of a CID family that this library does not model (so that it is not taken for the
   * family's known, read-only sub-command).
   */
  @Override
  public Optional<CommandId> command() {
    return CommandId.of(cid).filter(id -> id.codec().coversRequest(data));
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawRequest r && r.cid == cid && Arrays.equals(r.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * cid + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("RawRequest[cid=0x%02X, data=%s]", cid, HexFormat.of().formatHex(data));
  }
}
