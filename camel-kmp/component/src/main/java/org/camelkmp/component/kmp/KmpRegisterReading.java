package org.camelkmp.component.kmp;

import java.math.BigDecimal;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.ValueKind;

/**
 * One register in a {@link KmpReading}, shaped for routes and JSON: plain types only, so Jackson
 * and Camel's simple language need no configuration.
 *
 * @param id register id
 * @param name catalogue name such as {@code E1} ({@code R<id>} when not catalogued)
 * @param description what the register holds
 * @param unitCode unit code as the meter sent it
 * @param unit unit symbol such as {@code GJ}; {@code unknown(0xNN)} for an uncatalogued code
 * @param value the exact value; for date, time and text units the integer the meter sent; null when
 *     the meter reported the register without a value (no value bytes)
 * @param text for date, time, date-time and text units the value as ISO-8601 or text, else null
 */
public record KmpRegisterReading(
    int id,
    String name,
    String description,
    int unitCode,
    String unit,
    BigDecimal value,
    String text) {

  /** From a register value as the meter sent it. */
  public static KmpRegisterReading of(RegisterValue value) {
    if (!value.hasValue()) {
      return new KmpRegisterReading(
          value.id(),
          value.register().name(),
          value.register().description(),
          value.unitCode(),
          value.unit().symbol(),
          null,
          null);
    }
    String text =
        value.kind() == ValueKind.NUMBER || value.kind() == ValueKind.RAW
            ? null
            : value.displayValue();
    BigDecimal decimal = value.decimal();
    // No exponent notation in text or JSON: 1.9591204E+24 is written out in full.
    if (decimal.scale() < 0) {
      decimal = decimal.setScale(0);
    }
    return new KmpRegisterReading(
        value.id(),
        value.register().name(),
        value.register().description(),
        value.unitCode(),
        value.unit().symbol(),
        decimal,
        text);
  }
}
