package org.camelkmp.examples.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A database a test stores readings in: an H2 file in a temporary directory, or the PostgreSQL
 * server of the machine with a table of its own, dropped by {@link #close()}.
 *
 * <p>PostgreSQL is {@code jdbc:postgresql://127.0.0.1:5432/test} as user {@code postgres} unless
 * {@code KMP_TEST_PG_URL}, {@code KMP_TEST_PG_USER} and {@code KMP_TEST_PG_PASSWORD} say otherwise.
 * When it cannot be reached the test is skipped, except with {@code CI=true}, where it fails.
 */
final class TestDatabase implements AutoCloseable {
  final String name;
  final String url;
  final String user;
  final String password;
  final String table;

  private TestDatabase(String name, String url, String user, String password, String table) {
    this.name = name;
    this.url = url;
    this.user = user;
    this.password = password;
    this.table = table;
  }

  @Override
  public String toString() {
    return name;
  }

  static TestDatabase h2(Path dir) {
    return new TestDatabase(
        "H2", "jdbc:h2:file:" + dir.resolve("readings").toAbsolutePath(), "sa", "", table());
  }

  /** An existing H2 database's table, such as one the shaded jar made. */
  static TestDatabase h2Table(String url, String table) {
    return new TestDatabase("H2", url, "sa", "", table);
  }

  static TestDatabase postgresql() {
    String url = env("KMP_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("KMP_TEST_PG_USER", "postgres");
    String password = env("KMP_TEST_PG_PASSWORD", "");
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.isValid(2);
    } catch (SQLException e) {
      String why = "PostgreSQL at " + url + " as " + user + " is not reachable: " + e.getMessage();
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why + " (CI=true: the PostgreSQL tests must run)", e);
      }
      Assumptions.abort(why);
    }
    return new TestDatabase("PostgreSQL", url, user, password, table());
  }

  /** A table name no other test run uses. */
  private static String table() {
    return "kmp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The application's settings for this database. */
  Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("db.url", url);
    settings.put("db.user", user);
    settings.put("db.password", password);
    settings.put("db.table", table);
    return settings;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql.replace("$table", table));
    }
  }

  /** Every row of the table, ordered by key, as column name (lower case) to value. */
  List<Map<String, Object>> rows() throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT meter_serial, read_at, register_id, register_name, unit, value_decimal,"
                    + " value_text FROM "
                    + table
                    + " ORDER BY meter_serial, read_at, register_id")) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("meter_serial", rs.getLong(1));
        row.put("read_at", rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
        row.put("register_id", rs.getInt(3));
        row.put("register_name", rs.getString(4));
        row.put("unit", rs.getString(5));
        row.put("value_decimal", rs.getBigDecimal(6));
        row.put("value_text", rs.getString(7));
        rows.add(row);
      }
    }
    return rows;
  }

  /** How many rows; 0 while the table does not exist yet. */
  int count() {
    try {
      return rows().size();
    } catch (SQLException e) {
      return 0;
    }
  }

  @Override
  public void close() throws SQLException {
    execute("DROP TABLE IF EXISTS $table");
  }
}
