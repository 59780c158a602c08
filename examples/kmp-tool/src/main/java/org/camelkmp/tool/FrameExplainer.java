package org.camelkmp.tool;

import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.frame.Crc16;
import org.camelkmp.kmp.frame.DataLinkFrame;
import org.camelkmp.kmp.frame.DataLinkLayer;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.PhysicalFrame;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.message.ApplicationLayer;
import org.camelkmp.kmp.message.KmpMessage;

/**
 * The decoding steps of a frame, layer by layer, for {@code -vv} and {@code decode -v}: start byte
 * and direction, destuffing, CRC, address and CID, then what the message says. A step that fails
 * ends the list with the reason.
 */
final class FrameExplainer {
  private FrameExplainer() {}

  /** Steps for everything read in one exchange: echo, stray bytes and the answer. */
  static List<String> explainStream(byte[] bytes) {
    List<String> lines = new ArrayList<>();
    for (FrameSplitter.Chunk chunk : FrameSplitter.split(bytes)) {
      switch (chunk.kind()) {
        case STRAY:
          lines.add(
              "skipped "
                  + chunk.bytes().length
                  + " stray byte(s) outside a frame: "
                  + Hex.spaced(chunk.bytes()));
          break;
        case INCOMPLETE:
          lines.add("incomplete frame, no stop byte: " + Hex.spaced(chunk.bytes()));
          break;
        default:
          if (Direction.ofStartByte(chunk.bytes()[0]) == Direction.REQUEST) {
            lines.add("request frame (the echo of our own request): " + Hex.spaced(chunk.bytes()));
          } else {
            lines.addAll(explain(chunk.bytes()));
          }
      }
    }
    return lines;
  }

  /** Steps for one frame. */
  static List<String> explain(byte[] frame) {
    List<String> lines = new ArrayList<>();
    try {
      PhysicalFrame physical = PhysicalLayer.decode(frame);
      if (physical.isAck()) {
        lines.add("lone ACK 0x06: the meter accepted the command");
        return lines;
      }
      int escapes = countEscapes(frame);
      lines.add(
          String.format(
              "start 0x%02X: %s; %d byte(s) between start and stop, %d escape(s) undone",
              frame[0] & 0xFF,
              physical.direction() == Direction.REQUEST
                  ? "request (to the meter)"
                  : "response (from the meter)",
              frame.length - 2,
              escapes));
      byte[] dataLink = physical.dataLink();
      lines.add("data link: " + Hex.spaced(dataLink));
      if (dataLink.length >= DataLinkLayer.MIN_LENGTH) {
        int carried =
            ((dataLink[dataLink.length - 2] & 0xFF) << 8) | (dataLink[dataLink.length - 1] & 0xFF);
        int computed = Crc16.compute(dataLink, 0, dataLink.length - 2);
        lines.add(
            carried == computed
                ? String.format("CRC 0x%04X ok", carried)
                : String.format(
                    "CRC carried 0x%04X, computed 0x%04X: mismatch", carried, computed));
      }
      DataLinkFrame link = DataLinkLayer.decode(dataLink);
      byte[] application = link.application();
      lines.add(
          String.format(
              "address 0x%02X, CID 0x%02X, %d data byte(s)%s",
              link.address(),
              link.cid(),
              application.length - 1,
              application.length > 1
                  ? ": "
                      + Hex.spaced(java.util.Arrays.copyOfRange(application, 1, application.length))
                  : ""));
      KmpMessage message =
          physical.direction() == Direction.REQUEST
              ? ApplicationLayer.decodeRequest(application)
              : ApplicationLayer.decodeResponse(application);
      lines.add("decoded " + Text.summary(message));
    } catch (KmpException e) {
      lines.add("failed: " + e.getMessage());
    }
    return lines;
  }

  private static int countEscapes(byte[] frame) {
    int count = 0;
    for (int i = 1; i < frame.length - 1; i++) {
      if ((frame[i] & 0xFF) == PhysicalLayer.ESCAPE) {
        count++;
        i++;
      }
    }
    return count;
  }
}
