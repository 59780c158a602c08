package org.camelkmp.examples.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;

/**
 * A reading as CSV (RFC 4180: comma, double quotes where needed, CRLF): one row per register, so
 * the columns stay the same whatever registers are read and whatever units the meter uses.
 *
 * <pre>
 * meter_serial,read_at,register_id,register_name,unit,value,text
 * 72345678,2026-11-23T10:00:00.123456Z,60,E1,GJ,1234.567,
 * 72345678,2026-11-23T10:00:00.123456Z,1002,CLOCK,hh:mm:ss,110000,11:00:00
 * </pre>
 */
public final class CsvLines {
  /** The column names. */
  public static final String[] COLUMNS = {
    "meter_serial", "read_at", "register_id", "register_name", "unit", "value", "text"
  };

  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** The header line, with its line break. */
  public String header() {
    return print(p -> p.printRecord((Object[]) COLUMNS));
  }

  /** Every register of {@code reading} as one row each, every row with its line break. */
  public String rows(KmpReading reading) {
    return print(
        p -> {
          for (KmpRegisterReading r : reading.getRegisters()) {
            p.printRecord(
                reading.getMeterSerial(),
                reading.getReadAt(),
                r.id(),
                r.name(),
                r.unit(),
                r.value() != null ? r.value().toPlainString() : "",
                r.text());
          }
        });
  }

  private interface Printing {
    void print(CSVPrinter printer) throws IOException;
  }

  private static String print(Printing printing) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printing.print(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
