package org.camelkmp.kmp.message;

import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.error.KmpMessageException;
import org.camelkmp.kmp.frame.DataLinkFrame;
import org.camelkmp.kmp.frame.DataLinkLayer;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.PhysicalLayer;

/**
 * All three layers in one place: a typed message to the bytes on the wire and back, for either
 * direction. Readers encode requests and decode responses; the simulator does the opposite; an
 * offline decoder takes whatever a sniffer caught.
 */
public final class FrameCodec {
  private FrameCodec() {}

  /** The physical frame of a request to {@code address}. */
  public static byte[] encodeRequest(int address, KmpRequest request) {
    return encode(Direction.REQUEST, address, ApplicationLayer.encode(request));
  }

  /** The physical frame of a response from {@code address}; an ACK is the lone byte 0x06. */
  public static byte[] encodeResponse(int address, KmpResponse response) {
    if (response instanceof AckResponse) {
      return new byte[] {(byte) PhysicalLayer.ACK};
    }
    return encode(Direction.RESPONSE, address, ApplicationLayer.encode(response));
  }

  private static byte[] encode(Direction direction, int address, byte[] application) {
    return PhysicalLayer.encode(
        direction, DataLinkLayer.encode(new DataLinkFrame(address, application)));
  }

  /**
   * Decodes a frame of either direction, telling them apart by the start byte.
   *
   * @throws KmpFramingException for bad start, stop, stuffing or length
   * @throws KmpCrcException for a CRC mismatch
   * @throws KmpMessageException when the data does not fit its CID
   */
  public static DecodedFrame decode(byte[] frame) {
    if (frame.length == 1 && (frame[0] & 0xFF) == PhysicalLayer.ACK) {
      return new DecodedFrame(Direction.RESPONSE, -1, AckResponse.INSTANCE);
    }
    // layer by layer as PhysicalLayer.decode and DataLinkLayer.decode, without their copies
    byte[] dataLink = PhysicalLayer.unwrap(frame);
    Direction direction = Direction.ofStartByte(frame[0]);
    int address = DataLinkLayer.check(dataLink);
    int applicationLength = dataLink.length - 3;
    KmpMessage message =
        direction == Direction.REQUEST
            ? ApplicationLayer.decodeRequest(dataLink, 1, applicationLength)
            : ApplicationLayer.decodeResponse(dataLink, 1, applicationLength);
    return new DecodedFrame(direction, address, message);
  }
}
