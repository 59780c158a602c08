package org.camelkmp.kmp.message;

/**
 * Answer to GetSerialNo.
 *
 * @param serialNumber 32-bit unsigned serial number
 */
public record GetSerialNoResponse(long serialNumber) implements KmpResponse {
  public GetSerialNoResponse {
    if (serialNumber < 0 || serialNumber > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "serial number " + serialNumber + " is out of range 0..4294967295");
    }
  }

  @Override
  public int cid() {
    return CommandId.GET_SERIAL_NO.code();
  }
}
