package org.camelkmp.kmp.message;

import org.camelkmp.kmp.error.KmpMessageException;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.SiEx;

/** The self-describing register block: id(2) unit(1) NoB(1) SiEx(1) value(NoB). */
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
    if (nob < 1 || nob > SiEx.MAX_NOB) {
      throw new KmpMessageException(
          "register " + id + " has " + nob + " value bytes; the number format allows 1..8");
    }
    return new RegisterValue(id, unit, siex, in.takeTransient(nob)); // which keeps a copy
  }
}
