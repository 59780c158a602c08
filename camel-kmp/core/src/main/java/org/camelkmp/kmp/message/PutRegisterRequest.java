package org.camelkmp.kmp.message;

import org.camelkmp.kmp.value.RegisterValue;

/**
 * PutRegister (0x11): writes one register. Answered with a lone ACK when written, silence
 * otherwise. Changes the meter. The password is never shown by {@link #toString()}.
 *
 * @param password 0..65535
 * @param value the register id, unit and value to write
 */
public record PutRegisterRequest(int password, RegisterValue value) implements KmpRequest {
  public PutRegisterRequest {
    if (password < 0 || password > 0xFFFF) {
      throw new IllegalArgumentException("PutRegister password must be 0..65535");
    }
  }

  @Override
  public int cid() {
    return CommandId.PUT_REGISTER.code();
  }

  @Override
  public String toString() {
    return "PutRegisterRequest[password=****, value=" + value + "]";
  }
}
