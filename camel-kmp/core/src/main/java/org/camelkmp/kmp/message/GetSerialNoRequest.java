package org.camelkmp.kmp.message;

/** GetSerialNo (0x02): asks for the meter's serial number. */
public record GetSerialNoRequest() implements KmpRequest {
  @Override
  public int cid() {
    return CommandId.GET_SERIAL_NO.code();
  }
}
