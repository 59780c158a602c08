package org.camelkmp.kmp.simulator;

import java.util.function.Consumer;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.frame.PhysicalFrame;
import org.camelkmp.kmp.frame.PhysicalLayer;

/** Changes a frame for a {@link Fault}: destuff, edit the data-link bytes, stuff again. */
final class FrameSurgery {
  private FrameSurgery() {}

  /** The frame with its data-link bytes edited; an ACK or bytes that are no frame unchanged. */
  static byte[] rewrite(byte[] physical, Consumer<byte[]> edit) {
    PhysicalFrame frame;
    try {
      frame = PhysicalLayer.decode(physical);
    } catch (KmpException e) {
      return physical;
    }
    byte[] dataLink = frame.dataLink();
    if (frame.isAck() || dataLink.length < 4) {
      return physical;
    }
    edit.accept(dataLink);
    return PhysicalLayer.encode(frame.direction(), dataLink);
  }
}
