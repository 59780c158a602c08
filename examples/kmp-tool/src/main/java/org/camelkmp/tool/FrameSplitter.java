package org.camelkmp.tool;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream (a sniffer capture, or what came back during one exchange) into frames. Byte
 * stuffing keeps start, stop and ACK bytes out of a frame's inside, so the cut is unambiguous: a
 * frame runs from 0x80 or 0x40 to the next 0x0D, a lone 0x06 is an ACK, anything else between
 * frames is stray.
 */
final class FrameSplitter {
  private static final int REQUEST_START = 0x80;
  private static final int RESPONSE_START = 0x40;
  private static final int STOP = 0x0D;
  private static final int ACK = 0x06;

  enum Kind {
    /** Start to stop byte. */
    FRAME,
    /** A lone 0x06. */
    ACK,
    /** A start byte with no stop byte before the next start or the end of the input. */
    INCOMPLETE,
    /** Bytes outside any frame: unsolicited 0x00, noise, a frame whose start byte is missing. */
    STRAY
  }

  record Chunk(Kind kind, byte[] bytes) {
    boolean isFrame() {
      return kind != Kind.STRAY;
    }
  }

  private FrameSplitter() {}

  static List<Chunk> split(byte[] data) {
    List<Chunk> chunks = new ArrayList<>();
    ByteArrayOutputStream frame = null;
    ByteArrayOutputStream stray = new ByteArrayOutputStream();
    for (byte value : data) {
      int b = value & 0xFF;
      boolean start = b == REQUEST_START || b == RESPONSE_START;
      if (frame != null) {
        if (start) {
          chunks.add(new Chunk(Kind.INCOMPLETE, frame.toByteArray()));
          frame = new ByteArrayOutputStream();
          frame.write(b);
          continue;
        }
        frame.write(b);
        if (b == STOP) {
          chunks.add(new Chunk(Kind.FRAME, frame.toByteArray()));
          frame = null;
        }
      } else if (start) {
        flush(stray, chunks);
        frame = new ByteArrayOutputStream();
        frame.write(b);
      } else if (b == ACK) {
        flush(stray, chunks);
        chunks.add(new Chunk(Kind.ACK, new byte[] {value}));
      } else {
        stray.write(b);
      }
    }
    if (frame != null) {
      chunks.add(new Chunk(Kind.INCOMPLETE, frame.toByteArray()));
    }
    flush(stray, chunks);
    return chunks;
  }

  private static void flush(ByteArrayOutputStream stray, List<Chunk> chunks) {
    if (stray.size() > 0) {
      chunks.add(new Chunk(Kind.STRAY, stray.toByteArray()));
      stray.reset();
    }
  }
}
