package org.camelkmp.kmp.message;

import org.camelkmp.kmp.error.KmpMessageException;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * The self-describing register block: id(2) unit(1) NoB(1) SiEx(1) value(NoB). Parsed by NoB,
 * whatever it is (0..255): how the value reads is the register's own business ({@link
 * RegisterValue}); only a NoB that runs past the message's end fails the message, because the next
 * block can no longer be found.
 */
final class RegisterBlocks {
  private RegisterBlocks() {}

  static void write(ByteSink out, RegisterValue value) {
    out.u16(value.id()).u8(value.unitCode()).u8(value.nob()).u8(value.siex()).bytes(value.bytes());
  }

  static RegisterValue read(ByteSource in) {
    int id = in.u16();
    int unit = in.u8();
    int nob = in.u8();
    int siex = in.u8();
    if (in.remaining() < nob) {
      throw new KmpMessageException(
          "register "
              + id
              + " announces NoB "
              + nob
              + " but only "
              + in.remaining()
              + " byte(s) follow");
    }
    return new RegisterValue(id, unit, siex, in.takeTransient(nob)); // which keeps a copy
  }
}
