package org.camelkmp.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.Registers;
import org.camelkmp.kmp.value.Units;
import org.camelkmp.kmp.value.ValueKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "put-register",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one register (PutRegister, CID 0x11). The meter answers with an ACK when it"
          + " accepted the value and stays silent otherwise (a timeout). Changes the meter:"
          + " refused without --yes."
    })
final class PutRegisterCommand extends WriteCommand {
  @Option(
      names = {"-r", "--register"},
      paramLabel = "ID|NAME",
      required = true,
      description = "The register: an id (1002, 0x3EA) or a name (E1).")
  String register;

  @Option(
      names = "--value",
      paramLabel = "VALUE",
      required = true,
      description =
          "The value: a decimal (1234.567), a time 10:30:00 for unit hh:mm:ss, a date"
              + " 2026-11-23 for dates, 2026-11-23T10:30:00 for a date and time, or text for"
              + " ASCII.")
  String value;

  @Option(
      names = "--unit",
      paramLabel = "UNIT",
      required = true,
      description = "The unit: a symbol (GJ, kWh, m3, hh:mm:ss, yy:mm:dd, ASCII) or a code.")
  String unit;

  @Option(
      names = "--password",
      paramLabel = "N",
      defaultValue = "0",
      converter = Converters.Word.class,
      description = "Write password 0..65535, decimal or 0x hex. Default: ${DEFAULT-VALUE}.")
  int password;

  @Option(
      names = "--nob",
      paramLabel = "N",
      description = "Number of value bytes (1..255) for a number. Default: the fewest that fit.")
  Integer nob;

  private RegisterValue toWrite;

  @Override
  void prepare() {
    try {
      int id = Registers.resolve(register).id();
      int unitCode = Units.codeOf(unit);
      toWrite = value(id, unitCode);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw usage(e.getMessage());
    }
  }

  private RegisterValue value(int id, int unitCode) {
    ValueKind kind = ValueKind.forUnit(unitCode);
    String v = value.trim();
    if (kind == ValueKind.CLOCK && v.contains(":")) {
      return RegisterValue.ofTime(id, LocalTime.parse(v));
    }
    if (kind == ValueKind.DATE && v.contains("-")) {
      return RegisterValue.ofDate(id, LocalDate.parse(v));
    }
    if (kind == ValueKind.DATE_TIME) {
      return RegisterValue.ofDateTime(id, LocalDateTime.parse(v.replace(' ', 'T')), 0);
    }
    if (kind == ValueKind.TEXT) {
      return RegisterValue.ofText(id, value);
    }
    BigDecimal number;
    try {
      number = new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--value '" + value + "' is not a number (unit " + Units.of(unitCode) + ")");
    }
    return nob == null
        ? RegisterValue.ofNumber(id, number, unitCode)
        : RegisterValue.ofNumber(id, number, unitCode, nob);
  }

  @Override
  String change() {
    return "write " + describe();
  }

  private String describe() {
    return Values.label(toWrite.id())
        + " = "
        + Values.display(toWrite)
        + " "
        + toWrite.unit().symbol();
  }

  @Override
  List<CommandId> sends() {
    return List.of(CommandId.PUT_REGISTER);
  }

  @Override
  void run(KmpClient client) {
    client.putRegister(password, toWrite);
    if (json()) {
      ObjectNode node = Json.object();
      node.set("register", Json.register(toWrite));
      node.put("acknowledged", true);
      Json.print(out(), node);
    } else {
      print(List.of("wrote " + describe() + " (acknowledged by the meter)"));
    }
  }
}
