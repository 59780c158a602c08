package org.camelkmp.examples.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.sql.SqlConstants;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.camelkmp.component.kmp.KmpConstants;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The application against H2 and against the machine's PostgreSQL. */
@SuppressWarnings("try") // a running application is a resource that is closed, not used
class KmpToDatabaseTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;

  static Stream<Arguments> databases() {
    return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
  }

  static TestDatabase open(String name) {
    return name.equals("H2")
        ? TestDatabase.h2(dir.resolve(UUID.randomUUID().toString()))
        : TestDatabase.postgresql();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void everyRegisterValueIsARowWithTheExactValue(String name) throws Exception {
    MeterConfig meter =
        MeterConfig.builder()
            .serialNumber(4_242_424L)
            .register(60, new BigDecimal("1234.567"), 8)
            .register(5000, new BigDecimal("0.000001"), 0)
            .register(5001, new BigDecimal("1959120400000000000000000"), 0)
            .register(5002, new BigDecimal("-12.50"), 0)
            .build();
    try (TestDatabase db = open(name);
        MeterSimulator simulator = MeterSimulator.builder().meter(meter).tcpPort(0).start()) {
      Map<String, String> settings = db.settings();
      settings.put("kmp.uri", "kmp:socket://localhost:" + simulator.tcpPort() + "?initialDelay=0");
      settings.put("kmp.delay", "100");
      settings.put("kmp.registers", "E1,5000,5001,5002,CLOCK");
      try (RunningApp app = RunningApp.start(settings)) {
        await().atMost(WAIT).until(() -> db.count() >= 3 * 5);
      }
      List<Map<String, Object>> rows = db.rows();
      Map<Instant, List<Map<String, Object>>> readings =
          rows.stream().collect(Collectors.groupingBy(r -> (Instant) r.get("read_at")));
      assertThat(readings).hasSizeGreaterThanOrEqualTo(3);
      for (List<Map<String, Object>> reading : readings.values()) {
        assertThat(reading)
            .extracting(r -> r.get("register_id"))
            .containsExactly(60, 1002, 5000, 5001, 5002);
        assertThat(reading).extracting(r -> r.get("meter_serial")).containsOnly(4_242_424L);
        Map<String, Object> e1 = reading.get(0);
        assertThat(e1.get("register_name")).isEqualTo("E1");
        assertThat(e1.get("unit")).isEqualTo("GJ");
        assertThat((BigDecimal) e1.get("value_decimal")).isEqualByComparingTo("1234.567");
        assertThat(e1.get("value_text")).isNull();
        assertThat(reading.get(1).get("register_name")).isEqualTo("CLOCK");
        assertThat((String) reading.get(1).get("value_text")).matches("\\d{2}:\\d{2}:\\d{2}");
        assertThat((BigDecimal) reading.get(2).get("value_decimal"))
            .isEqualByComparingTo("0.000001");
        assertThat((BigDecimal) reading.get(3).get("value_decimal"))
            .isEqualByComparingTo("1959120400000000000000000");
        assertThat((BigDecimal) reading.get(4).get("value_decimal")).isEqualByComparingTo("-12.50");
      }
      if (name.equals("PostgreSQL")) {
        // NUMERIC keeps the scale the meter sent
        assertThat(rows)
            .extracting(r -> r.get("value_decimal").toString())
            .contains("1234.567", "0.000001", "-12.50");
      }
    }
  }

  /** The exchange the consumer makes of {@code reading}: the body and the headers. */
  private static Processor asRead(KmpReading reading) {
    return exchange -> {
      exchange.getMessage().setBody(reading);
      exchange.getMessage().setHeader(KmpConstants.METER_SERIAL, reading.getMeterSerial());
      exchange.getMessage().setHeader(KmpConstants.READ_TIMESTAMP, reading.readTimestamp());
    };
  }

  private static KmpReading reading(Instant readAt) {
    return new KmpReading(
        0x3F,
        72345678L,
        readAt,
        List.of(
            new KmpRegisterReading(
                60, "E1", "heat energy", 8, "GJ", new BigDecimal("1234.567"), null),
            new KmpRegisterReading(
                68, "V1", "volume 1", 40, "m³", new BigDecimal("12345.67"), null),
            new KmpRegisterReading(
                80, "POWER1", "current power", 22, "kW", new BigDecimal("14.5"), null)),
        List.of(),
        1);
  }

  /** Settings with the simulator polled once an hour: the test sends the readings itself. */
  private static Map<String, String> quiet(TestDatabase db) throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put(
        "kmp.uri", settings.get("kmp.uri").replace("initialDelay=0", "initialDelay=3600000"));
    settings.putAll(db.settings());
    return settings;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aReadingStoredAgainAddsNoRow(String name) throws Exception {
    try (TestDatabase db = open(name);
        RunningApp app = RunningApp.start(quiet(db))) {
      ProducerTemplate template = app.main.getCamelContext().createProducerTemplate();
      KmpReading reading = reading(Instant.parse("2026-11-23T10:00:00.123456789Z"));
      KmpReading next = reading(Instant.parse("2026-11-23T10:00:10Z"));

      Exchange first = template.send("direct:store-reading", asRead(reading));
      Exchange again = template.send("direct:store-reading", asRead(reading));
      Exchange other = template.send("direct:store-reading", asRead(next));

      assertThat(first.getException()).isNull();
      assertThat(first.getMessage().getHeader(SqlConstants.SQL_UPDATE_COUNT)).isEqualTo(3);
      assertThat(again.getException()).isNull();
      assertThat(again.getMessage().getHeader(SqlConstants.SQL_UPDATE_COUNT)).isEqualTo(0);
      assertThat(other.getMessage().getHeader(SqlConstants.SQL_UPDATE_COUNT)).isEqualTo(3);
      List<Map<String, Object>> rows = db.rows();
      assertThat(rows).hasSize(6);
      // kept to the microsecond, as both databases store it
      assertThat(rows.get(0).get("read_at"))
          .isEqualTo(Instant.parse("2026-11-23T10:00:00.123456Z"));
      assertThat(rows.get(3).get("read_at")).isEqualTo(Instant.parse("2026-11-23T10:00:10Z"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFailedInsertIsRetriedAndStoresTheReadingOnce(String name) throws Exception {
    try (TestDatabase db = open(name)) {
      Map<String, String> settings = quiet(db);
      settings.put("db.redeliveries", "1000");
      try (RunningApp app = RunningApp.start(settings)) {
        // a real failure of the database: V1 breaks a constraint, so the whole batch is refused
        db.execute("ALTER TABLE $table ADD CONSTRAINT no_v1 CHECK (register_id <> 68)");
        Redeliveries redeliveries = new Redeliveries();
        app.main.getCamelContext().getManagementStrategy().addEventNotifier(redeliveries);
        redeliveries.start();
        KmpReading reading = reading(Instant.parse("2026-11-23T10:00:00Z"));
        CompletableFuture<Exchange> stored =
            app.main
                .getCamelContext()
                .createProducerTemplate()
                .asyncSend("direct:store-reading", asRead(reading));

        await().atMost(WAIT).until(() -> redeliveries.count.get() >= 3);
        assertThat(db.count()).isZero();
        db.execute("ALTER TABLE $table DROP CONSTRAINT no_v1");

        Exchange done = stored.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(db.rows()).extracting(r -> r.get("register_id")).containsExactly(60, 68, 80);
      }
    }
  }

  @Test
  void theTableAndItsRowsOutliveARestart() throws Exception {
    try (TestDatabase db = open("H2")) {
      Map<String, String> settings = RunningApp.onEmbeddedSimulator();
      settings.putAll(db.settings());
      try (RunningApp app = RunningApp.start(settings)) {
        await().atMost(WAIT).until(() -> db.count() >= 6);
      }
      List<Map<String, Object>> before = db.rows();
      try (RunningApp app = RunningApp.start(settings)) {
        await().atMost(WAIT).until(() -> db.count() >= before.size() + 6);
      }
      assertThat(db.rows()).containsAll(before);
    }
  }

  /** Counts redelivery attempts. */
  static final class Redeliveries extends EventNotifierSupport {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public void notify(CamelEvent event) {
      if (event instanceof CamelEvent.ExchangeRedeliveryEvent) {
        count.incrementAndGet();
      }
    }
  }
}
