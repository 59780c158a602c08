package org.camelkmp.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suite's figures as one Markdown table, with the machine they were measured on. */
public final class Report {

  /** Whether a figure met its target. */
  public enum Verdict {
    PASS("pass"),
    MISS("**MISS**"),
    INFO("—");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    /** As shown in the table. */
    public String text() {
      return text;
    }
  }

  /**
   * One line of the table.
   *
   * @param id section and number, like 2.1
   * @param figure what was measured
   * @param value what was measured, with units
   * @param limit the physical or protocol limit, or the target
   * @param ratio value over limit, the headline
   * @param verdict against the target
   */
  public record Row(
      String id, String figure, String value, String limit, String ratio, Verdict verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Adds a row. */
  public synchronized void add(Row row) {
    rows.add(row);
  }

  /** Adds a sentence under the table. */
  public synchronized void note(String text) {
    notes.add(text);
  }

  /** The rows so far. */
  public synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Whether every row with a target met it. */
  public synchronized boolean allPassed() {
    return rows.stream().noneMatch(r -> r.verdict() == Verdict.MISS);
  }

  /** The report as Markdown: heading, machine, table, notes. */
  public synchronized String markdown(Machine machine, long elapsedNanos) {
    StringBuilder md = new StringBuilder();
    md.append("## camel-kmp benchmark results\n\n");
    md.append(machine.markdown());
    md.append(String.format(Locale.ROOT, "- suite run time: %.0f s%n%n", elapsedNanos / 1e9));
    md.append("| # | figure | value | limit / target | ratio | result |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ")
          .append(cell(r.id()))
          .append(" | ")
          .append(cell(r.figure()))
          .append(" | ")
          .append(cell(r.value()))
          .append(" | ")
          .append(cell(r.limit()))
          .append(" | ")
          .append(cell(r.ratio()))
          .append(" | ")
          .append(r.verdict().text())
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      for (String n : notes) {
        md.append("- ").append(n).append('\n');
      }
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }

  /** A ratio with three decimals. */
  public static String ratio(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** Nanoseconds as milliseconds with one decimal. */
  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  /** Bytes as MiB with one decimal. */
  public static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
