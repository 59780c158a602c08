package org.camelkmp.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard against the embedded simulator: every register value becomes a row. */
class DashboardStoresReadingsTest {

  record Row(
      Long serial,
      int address,
      OffsetDateTime readAt,
      int registerId,
      String name,
      String unit,
      BigDecimal value,
      int scale) {}

  static List<Row> rows(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet r =
            statement.executeQuery(
                "SELECT meter_serial, meter_address, read_at, register_id, register_name, unit,"
                    + " value_decimal, value_scale FROM kmp_reading ORDER BY read_at, register_id")) {
      while (r.next()) {
        rows.add(
            new Row(
                r.getLong(1),
                r.getInt(2),
                r.getObject(3, OffsetDateTime.class),
                r.getInt(4),
                r.getString(5),
                r.getString(6),
                r.getBigDecimal(7),
                r.getInt(8)));
      }
    }
    return rows;
  }

  @Test
  void everyRegisterOfEveryReadingIsARowWithItsExactValue(@TempDir Path dir) throws Exception {
    try (RunningDashboard dashboard = RunningDashboard.start(dir);
        Connection db = dashboard.database()) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> rows(db).stream().map(Row::readAt).distinct().count() >= 3);

      List<Row> rows = rows(db);
      assertThat(rows).allSatisfy(r -> assertThat(r.serial()).isEqualTo(72_345_678L));
      assertThat(rows).allSatisfy(r -> assertThat(r.address()).isEqualTo(0x3F));
      // each read holds the six registers of kmp.registers
      OffsetDateTime first = rows.get(0).readAt();
      assertThat(rows.stream().filter(r -> r.readAt().equals(first)).map(Row::name))
          .containsExactly("E1", "V1", "FLOW1", "POWER1", "T1", "T2");
      Row e1 = rows.stream().filter(r -> r.name().equals("E1")).findFirst().orElseThrow();
      assertThat(e1.registerId()).isEqualTo(60);
      assertThat(e1.unit()).isEqualTo("GJ");
      assertThat(e1.value()).isEqualByComparingTo("1234.567");
      assertThat(e1.scale()).isEqualTo(3);
      Row t2 = rows.stream().filter(r -> r.name().equals("T2")).findFirst().orElseThrow();
      assertThat(t2.unit()).isEqualTo("°C");
      // the meter sent 45.60: the stored value and its scale give back exactly that
      assertThat(t2.value().setScale(t2.scale()).toPlainString()).isEqualTo("45.60");
      // and so does the view for people using SQL
      try (Statement statement = db.createStatement();
          ResultSet shown =
              statement.executeQuery(
                  "SELECT register_name, shown_value, unit FROM kmp_value WHERE id <= 6"
                      + " ORDER BY register_id")) {
        List<String> values = new ArrayList<>();
        while (shown.next()) {
          values.add(shown.getString(1) + " " + shown.getString(2) + " " + shown.getString(3));
        }
        assertThat(values).startsWith("E1 1234.567 GJ").endsWith("T2 45.60 °C").hasSize(6);
      }
    }
  }

  @Test
  void theTableIsCreatedOnceAndKeptAcrossRestarts(@TempDir Path dir) throws Exception {
    long before;
    try (RunningDashboard dashboard = RunningDashboard.start(dir);
        Connection db = dashboard.database()) {
      await().atMost(Duration.ofSeconds(20)).until(() -> rows(db).size() >= 6);
      before = rows(db).size();
    }
    try (RunningDashboard dashboard = RunningDashboard.start(dir);
        Connection db = dashboard.database()) {
      await().atMost(Duration.ofSeconds(20)).until(() -> rows(db).size() > before);
    }
  }
}
