package org.camelkmp.examples.homeassistant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;

/**
 * The state message of one reading, which every entity's value template reads:
 *
 * <pre>{@code
 * {"serial":72345678,"read_at":"2026-12-04T10:00:00Z","E1":1234.567,"FLOW1":0.125,
 *  "INFO":0,"problems":{"leak":"OFF",...}}
 * }</pre>
 *
 * Values are in the units of {@link HomeAssistantUnits}, converted exactly; text values (dates) are
 * strings; a register the meter sent without a value is null.
 */
public final class StateMessage {
  private StateMessage() {}

  /** The state message of {@code reading}, whose meter serial must be known. */
  public static byte[] of(KmpReading reading) {
    ObjectNode state = Json.object();
    state.put("serial", reading.getMeterSerial());
    state.put("read_at", reading.getReadAt());
    for (KmpRegisterReading register : reading.getRegisters()) {
      EntityClass entityClass = HomeAssistantUnits.of(register.unitCode());
      if (register.text() != null) {
        state.put(register.name(), register.text());
      } else if (register.value() == null) {
        state.putNull(register.name());
      } else if (entityClass.text()) {
        state.put(register.name(), register.value().toPlainString());
      } else {
        state.put(register.name(), entityClass.convert(register.value()));
      }
      if (register.id() == InfoCode.REGISTER && register.value() != null) {
        long code = register.value().longValue();
        ObjectNode problems = state.putObject("problems");
        for (InfoCode.Bit bit : InfoCode.BITS) {
          problems.put(bit.key(), bit.isSet(code) ? "ON" : "OFF");
        }
      }
    }
    return Json.bytes(state);
  }
}
