package org.camelkmp.kmp.message;

import java.util.List;
import java.util.Optional;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * Answer to GetRegister: one value per register the meter knows, in the order it sent them.
 * Registers it does not know are left out, so match by id, never by position.
 */
public record GetRegisterResponse(List<RegisterValue> values) implements KmpResponse {
  public GetRegisterResponse {
    values = List.copyOf(values);
  }

  @Override
  public int cid() {
    return CommandId.GET_REGISTER.code();
  }

  /** The value the meter sent for a register id. */
  public Optional<RegisterValue> value(int registerId) {
    return values.stream().filter(v -> v.id() == registerId).findFirst();
  }
}
