package org.camelkmp.kmp.message;

import java.util.List;
import org.camelkmp.kmp.value.Registers;

/**
 * GetRegister (0x10): asks for 1..8 registers (the vendor's limit per request).
 *
 * @param registerIds ids 0..65535 in the order asked
 */
public record GetRegisterRequest(List<Integer> registerIds) implements KmpRequest {
  /** Most registers one request may ask for. */
  public static final int MAX_REGISTERS = 8;

  public GetRegisterRequest {
    registerIds = List.copyOf(registerIds);
    if (registerIds.isEmpty() || registerIds.size() > MAX_REGISTERS) {
      throw new IllegalArgumentException(
          "GetRegister asks for 1..8 registers, not " + registerIds.size());
    }
    for (int id : registerIds) {
      if (id < 0 || id > Registers.MAX_ID) {
        throw new IllegalArgumentException("register id " + id + " is out of range 0..65535");
      }
    }
  }

  /** A request for the given ids. */
  public static GetRegisterRequest of(Integer... ids) {
    return new GetRegisterRequest(List.of(ids));
  }

  @Override
  public int cid() {
    return CommandId.GET_REGISTER.code();
  }
}
