package org.camelkmp.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON API over HTTP, on rows of a meter 11111111 written in 2020 beside the live simulator's
 * (meter 72345678, polled once an hour here so that it stays out of the way).
 */
class ReadingsApiTest {
  static final long METER = 11_111_111L;
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir static Path dir;
  static RunningDashboard dashboard;

  @BeforeAll
  static void start() throws Exception {
    dashboard = RunningDashboard.start(dir, Map.of("kmp.delay", "1h"));
    try (Connection db = dashboard.database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO kmp_reading (meter_serial, meter_address, read_at, register_id,"
                    + " register_name, unit, value_decimal, value_scale, value_text)"
                    + " VALUES (?, 63, ?, ?, ?, ?, ?, ?, ?)")) {
      Object[][] rows = {
        {"2020-01-01T10:00:00Z", 60, "E1", "GJ", "1234.567", null},
        {"2020-01-01T10:00:00Z", 86, "T1", "°C", "70.00", null},
        {"2020-01-01T10:00:00Z", 87, "T2", "°C", "40.10", null},
        {"2020-01-01T10:00:00Z", 1002, "CLOCK", "hh:mm:ss", "100000", "10:00:00"},
        {"2020-01-01T11:00:00Z", 60, "E1", "GJ", "1234.600", null},
        {"2020-01-01T11:00:00Z", 86, "T1", "°C", "69.95", null},
        {"2020-01-01T11:00:00Z", 87, "T2", "°C", "40.00", null},
        {"2020-01-01T12:00:00Z", 60, "E1", "GJ", "1959120400000000000000000", null},
        {"2020-01-01T12:00:00Z", 86, "T1", "°C", "0.000001", null},
        {"2020-01-01T12:00:00Z", 87, "T2", "°C", "-3.5", null},
      };
      for (Object[] row : rows) {
        BigDecimal value = new BigDecimal((String) row[4]);
        insert.setLong(1, METER);
        insert.setObject(2, OffsetDateTime.parse((String) row[0]));
        insert.setInt(3, (Integer) row[1]);
        insert.setString(4, (String) row[2]);
        insert.setString(5, (String) row[3]);
        insert.setBigDecimal(6, value);
        insert.setInt(7, value.scale());
        insert.setString(8, (String) row[5]);
        insert.executeUpdate();
      }
    }
  }

  @AfterAll
  static void stop() {
    dashboard.close();
  }

  static JsonNode ok(String pathAndQuery) throws Exception {
    HttpResponse<String> response = dashboard.get(pathAndQuery);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    return JSON.readTree(response.body());
  }

  static List<String> names(JsonNode answer) {
    return StreamSupport.stream(answer.get("readings").spliterator(), false)
        .map(r -> r.get("readAt").asText().substring(11, 13) + ":" + r.get("name").asText())
        .toList();
  }

  @Test
  void readingsAreTheStoredValuesWithTheirExactDecimals() throws Exception {
    String body =
        dashboard
            .get("api/readings?meter=11111111&from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z")
            .body();
    // exactly as stored: trailing zeros kept, no exponent, no binary floating point
    assertThat(body)
        .contains("\"value\":70.00,")
        .contains("\"value\":40.10,")
        .contains("\"value\":1234.600,")
        .contains("\"value\":1959120400000000000000000,")
        .contains("\"value\":0.000001,")
        .contains("\"value\":-3.5,");

    JsonNode answer = JSON.readTree(body);
    assertThat(answer.get("count").asInt()).isEqualTo(10);
    assertThat(answer.get("truncated").asBoolean()).isFalse();
    assertThat(answer.get("meter").asLong()).isEqualTo(METER);
    JsonNode first = answer.get("readings").get(0);
    assertThat(first.get("meterSerial").asLong()).isEqualTo(METER);
    assertThat(first.get("readAt").asText()).isEqualTo("2020-01-01T10:00:00Z");
    assertThat(first.get("id").asInt()).isEqualTo(60);
    assertThat(first.get("name").asText()).isEqualTo("E1");
    assertThat(first.get("unit").asText()).isEqualTo("GJ");
    assertThat(first.get("value").decimalValue()).isEqualTo(new BigDecimal("1234.567"));
    assertThat(first.get("text").isNull()).isTrue();
    JsonNode clock = answer.get("readings").get(3);
    assertThat(clock.get("name").asText()).isEqualTo("CLOCK");
    assertThat(clock.get("text").asText()).isEqualTo("10:00:00");
    // oldest first, registers in id order within one read
    assertThat(names(answer))
        .containsExactly(
            "10:E1",
            "10:T1",
            "10:T2",
            "10:CLOCK",
            "11:E1",
            "11:T1",
            "11:T2",
            "12:E1",
            "12:T1",
            "12:T2");
  }

  @Test
  void fromIsInclusiveAndToExclusive() throws Exception {
    JsonNode answer =
        ok("api/readings?meter=11111111&from=2020-01-01T11:00:00Z&to=2020-01-01T12:00:00Z");
    assertThat(names(answer)).containsExactly("11:E1", "11:T1", "11:T2");
    assertThat(answer.get("from").asText()).isEqualTo("2020-01-01T11:00:00Z");
    assertThat(answer.get("to").asText()).isEqualTo("2020-01-01T12:00:00Z");
  }

  @Test
  void timesWithAnOffsetAreTheSameInstant() throws Exception {
    // %2B is '+'; an unencoded '+' (read as a space) is understood too
    assertThat(
            names(
                ok(
                    "api/readings?meter=11111111&from=2020-01-01T12:00:00%2B01:00"
                        + "&to=2020-01-01T13:00:00+01:00")))
        .containsExactly("11:E1", "11:T1", "11:T2");
  }

  @Test
  void registersByNameOrIdRepeatedOrCommaSeparated() throws Exception {
    String range = "&meter=11111111&from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z";
    assertThat(names(ok("api/readings?register=T1" + range)))
        .containsExactly("10:T1", "11:T1", "12:T1");
    assertThat(names(ok("api/readings?register=e1,87" + range)))
        .containsExactly("10:E1", "10:T2", "11:E1", "11:T2", "12:E1", "12:T2");
    JsonNode repeated = ok("api/readings?register=E1&register=0x57" + range);
    assertThat(names(repeated))
        .containsExactly("10:E1", "10:T2", "11:E1", "11:T2", "12:E1", "12:T2");
    assertThat(repeated.get("registers").toString()).isEqualTo("[\"E1\",\"T2\"]");
  }

  @Test
  void meterSelectsOneMetersRows() throws Exception {
    String range = "&from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z";
    assertThat(ok("api/readings?meter=72345678" + range).get("count").asInt()).isZero();
    assertThat(ok("api/readings?meter=11111111" + range).get("count").asInt()).isEqualTo(10);
  }

  @Test
  void limitKeepsTheNewestAndSaysSo() throws Exception {
    JsonNode answer =
        ok("api/readings?meter=11111111&from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z&limit=4");
    assertThat(answer.get("truncated").asBoolean()).isTrue();
    assertThat(answer.get("limit").asInt()).isEqualTo(4);
    assertThat(names(answer)).containsExactly("11:T2", "12:E1", "12:T1", "12:T2");
  }

  @Test
  void withoutFromTheLast24Hours() throws Exception {
    JsonNode answer = ok("api/readings?meter=11111111&to=2020-01-01T12:30:00Z");
    assertThat(answer.get("from").asText()).isEqualTo("2019-12-31T12:30:00Z");
    assertThat(answer.get("count").asInt()).isEqualTo(10);
    // and without to, up to now: the 2020 rows are older than 24 hours
    assertThat(ok("api/readings?meter=11111111").get("count").asInt()).isZero();
  }

  @Test
  void latestIsTheNewestReadingOfTheMeter() throws Exception {
    JsonNode answer = ok("api/latest?meter=11111111");
    assertThat(answer.get("meterSerial").asLong()).isEqualTo(METER);
    assertThat(answer.get("readAt").asText()).isEqualTo("2020-01-01T12:00:00Z");
    List<String> values = new ArrayList<>();
    answer
        .get("registers")
        .forEach(
            r ->
                values.add(
                    r.get("name").asText()
                        + "="
                        + r.get("value").decimalValue().toPlainString()
                        + " "
                        + r.get("unit").asText()
                        + " ("
                        + r.get("description").asText()
                        + ")"));
    assertThat(values)
        .containsExactly(
            "E1=1959120400000000000000000 GJ (heat energy)",
            "T1=0.000001 °C (flow (inlet) temperature)",
            "T2=-3.5 °C (return (outlet) temperature)");
  }

  @Test
  void latestWithoutMeterIsTheMeterReadLast() throws Exception {
    // the simulator is read once, a second after start
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ok("api/latest").get("registers").size() == 6);
    JsonNode answer = ok("api/latest");
    assertThat(answer.get("meterSerial").asLong()).isEqualTo(72_345_678L);
    assertThat(answer.get("registers").get(0).get("name").asText()).isEqualTo("E1");
    assertThat(dashboard.get("api/latest").body())
        .contains("\"value\":1234.567,", "\"value\":45.60,");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "api/readings?from=yesterday | from | not an ISO-8601 time",
        "api/readings?from=2020-01-01T10:00:00 | from | with a zone",
        "api/readings?to=2020-13-01T00:00:00Z | to | not an ISO-8601 time",
        "api/readings?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z | from | must be before to",
        "api/readings?from=2020-01-01T00:00:00Z&from=2020-01-01T01:00:00Z | from | more than once",
        "api/readings?register=E99 | register | unknown register 'E99'",
        "api/readings?register=E1,70000 | register | out of range",
        "api/readings?register= | register | empty",
        "api/readings?meter=abc | meter | not a meter serial number",
        "api/readings?meter=-1 | meter | not a meter serial number",
        "api/readings?limit=0 | limit | from 1 to 100000",
        "api/readings?limit=100001 | limit | from 1 to 100000",
        "api/readings?limit=lots | limit | from 1 to 100000",
        "api/readings?regster=E1 | regster | unknown parameter 'regster'",
        "api/latest?meter=x | meter | not a meter serial number",
        "api/latest?from=2020-01-01T00:00:00Z | from | unknown parameter 'from'",
      })
  void aBadParameterIs400WithAJsonMessageNamingIt(
      String pathAndQuery, String parameter, String message) throws Exception {
    HttpResponse<String> response = dashboard.get(pathAndQuery);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
    assertThat(problem.get("message").asText()).contains(message);
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.camelkmp");
  }

  @Test
  void queryParametersAreNotEchoedAsResponseHeaders() throws Exception {
    HttpResponse<String> response = dashboard.get("api/readings?meter=11111111");
    assertThat(response.headers().map()).doesNotContainKeys("meter", "Meter");
  }
}
