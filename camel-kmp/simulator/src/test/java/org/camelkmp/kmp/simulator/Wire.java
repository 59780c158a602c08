package org.camelkmp.kmp.simulator;

import java.util.HexFormat;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.KmpResponse;

/** Test helpers: requests to frames and answers back, through the project's own codec. */
final class Wire {
  private Wire() {}

  static byte[] request(KmpRequest request) {
    return FrameCodec.encodeRequest(0x3F, request);
  }

  static byte[] request(int address, KmpRequest request) {
    return FrameCodec.encodeRequest(address, request);
  }

  static KmpResponse response(byte[] frame) {
    DecodedFrame decoded = FrameCodec.decode(frame);
    return (KmpResponse) decoded.message();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
