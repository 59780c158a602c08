package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camelkmp.examples.support.ExampleRun;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar against real Mosquitto brokers, read by a subscriber as Home Assistant reads them:
 * the system's broker on 127.0.0.1:1883 for the default run, and brokers of the test's own where
 * the broker has to stop, restart or check passwords.
 */
class HomeAssistantJarIT {
  private static final int GET_REGISTER = 0x10;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path work;
  private final String nodeId = "it_" + Long.toHexString(System.nanoTime());
  private final String prefix = "ha_" + nodeId;

  private Map<String, String> settings(String mqttUrl, String kmpUri) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kmp.uri", kmpUri);
    settings.put("kmp.delay", "200");
    settings.put("mqtt.url", mqttUrl);
    settings.put("mqtt.reconnect-delay-max", "500");
    settings.put("ha.discovery.prefix", prefix);
    settings.put("ha.node.id", nodeId);
    return settings;
  }

  private static MeterSimulator meter(long serial) {
    return meter(serial, ExampleRun.freePort());
  }

  private static MeterSimulator meter(long serial, int port) {
    return MeterSimulator.builder()
        .meter(MeterConfig.builder().serialNumber(serial).build())
        .tcpPort(port)
        .start();
  }

  private static String uriOf(MeterSimulator meter) {
    return "kmp:socket://127.0.0.1:" + meter.tcpPort() + "?initialDelay=0";
  }

  private List<Path> waiting() throws Exception {
    Path outbox = work.resolve("kmp-to-home-assistant-data/outbox");
    if (!Files.isDirectory(outbox)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(outbox)) {
      return files.filter(f -> f.toString().endsWith(".msg")).toList();
    }
  }

  /**
   * The read times of the states that reached the subscriber, the broker's own redeliveries aside.
   */
  private static List<String> readTimes(List<Subscriber.Received> states) {
    List<String> times = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    for (Subscriber.Received state : states) {
      if (state.duplicate() && payloads.contains(state.payload())) {
        continue;
      }
      payloads.add(state.payload());
      times.add(state.json().path("read_at").asText());
    }
    return times;
  }

  @Test
  void theJarPublishesDiscoveryAndStatesOfTheSimulatedMeterToTheLocalBroker() throws Exception {
    int simulatorPort = ExampleRun.freePort();
    Map<String, String> settings =
        settings("tcp://127.0.0.1:1883", "kmp:socket://localhost:" + simulatorPort);
    settings.put("kmp.simulator.port", String.valueOf(simulatorPort));
    settings.put("kmp.delay", "1s");
    try (Subscriber ha = new Subscriber("tcp://127.0.0.1:1883", prefix, nodeId)) {
      Instant started = Instant.now();
      try (App app = App.start(work, "app", settings)) {
        await()
            .atMost(PATIENCE)
            .failFast("the jar stopped", () -> !app.isAlive())
            .until(() -> ha.states(72345678L).size() >= 2 && ha.configs().size() >= 15);
        System.out.printf(
            "kmp-to-home-assistant: discovery and two states %d ms after the start%n",
            Duration.between(started, Instant.now()).toMillis());
      }
      Map<String, Subscriber.Received> configs = ha.configs();
      configs.forEach(
          (topic, config) -> HomeAssistantSchema.checkConfig(topic, config.json(), prefix, nodeId));
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      configs.values().forEach(c -> byId.put(c.json().path("unique_id").asText(), c.json()));
      assertThat(byId)
          .containsKeys(
              "kamstrup_72345678_e1",
              "kamstrup_72345678_v1",
              "kamstrup_72345678_power1",
              "kamstrup_72345678_flow1",
              "kamstrup_72345678_t1",
              "kamstrup_72345678_t2",
              "kamstrup_72345678_hour_counter",
              "kamstrup_72345678_info",
              "kamstrup_72345678_info_leak",
              "kamstrup_72345678_info_burst",
              "kamstrup_72345678_read_at");
      JsonNode energy = byId.get("kamstrup_72345678_e1");
      assertThat(energy.path("device_class").asText()).isEqualTo("energy");
      assertThat(energy.path("state_class").asText()).isEqualTo("total_increasing");
      assertThat(energy.path("unit_of_measurement").asText()).isEqualTo("GJ");
      assertThat(byId.get("kamstrup_72345678_v1").path("device_class").asText()).isEqualTo("water");
      assertThat(energy.path("device").path("sw_version").asText()).isEqualTo("F1");
      assertThat(energy.path("expire_after").asLong()).isEqualTo(60);

      JsonNode state = ha.states(72345678L).get(0).json();
      assertThat(state.path("serial").asLong()).isEqualTo(72345678L);
      assertThat(Instant.parse(state.path("read_at").asText())).isAfter(started);
      assertThat(state.path("E1").isBigDecimal()).as("E1 as an exact decimal").isTrue();
      assertThat(state.path("problems").path("leak").asText()).isEqualTo("OFF");
      // a clean stop says offline, as the last will would
      await().atMost(PATIENCE).until(() -> "offline".equals(ha.availability()));
    }
    // what Home Assistant finds when it starts later: the broker kept every config and the state
    try (Subscriber later = new Subscriber("tcp://127.0.0.1:1883", prefix, nodeId)) {
      await().atMost(PATIENCE).until(() -> later.configs().size() >= 15);
      assertThat(later.all()).allMatch(Subscriber.Received::retained);
      assertThat(later.states(72345678L)).hasSize(1);
    }
  }

  @Test
  void aBrokerRestartLosesNoReadingAndPublishesNoneTwice() throws Exception {
    try (Mosquitto broker = Mosquitto.start(work.resolve("broker"));
        MeterSimulator meter = meter(71000001L);
        Subscriber ha = new Subscriber(broker.url(), prefix, nodeId);
        App app = App.start(work, "app", settings(broker.url(), uriOf(meter)))) {
      await()
          .atMost(PATIENCE)
          .failFast("the jar stopped", () -> !app.isAlive())
          .until(() -> ha.states(71000001L).size() >= 3);

      // a quiet moment: the meter stops answering, everything taken so far is acknowledged
      meter.meter().faults().injectUntilCleared(Fault.noAnswer());
      long seen = meter.meter().faults().requestsSeen();
      await().atMost(PATIENCE).until(() -> meter.meter().faults().requestsSeen() > seen);
      await().atMost(PATIENCE).until(() -> waiting().isEmpty());
      broker.stop();

      meter.meter().faults().clear();
      long answered = meter.meter().answersSent(GET_REGISTER);
      await()
          .atMost(PATIENCE)
          .failFast("the jar stopped", () -> !app.isAlive())
          .until(
              () ->
                  waiting().size() >= 3 && meter.meter().answersSent(GET_REGISTER) > answered + 2);
      assertThat(app.log()).contains("not reachable");

      broker.start();
      meter.meter().faults().injectUntilCleared(Fault.noAnswer());
      long seenAgain = meter.meter().faults().requestsSeen();
      await().atMost(PATIENCE).until(() -> meter.meter().faults().requestsSeen() > seenAgain);
      long taken = meter.meter().answersSent(GET_REGISTER);
      await()
          .atMost(PATIENCE)
          .failFast("the jar stopped", () -> !app.isAlive())
          .until(() -> readTimes(ha.states(71000001L)).size() >= taken);

      List<String> times = readTimes(ha.states(71000001L));
      assertThat(times).as("one state per reading the meter answered").hasSize((int) taken);
      assertThat(times).as("no reading twice").doesNotHaveDuplicates();
      assertThat(times).as("in the order they were taken").isSortedAccordingTo(String::compareTo);
      assertThat(waiting()).isEmpty();
      await().atMost(PATIENCE).until(() -> "online".equals(ha.availability()));
    }
  }

  @Test
  void readingsKeptWhileTheBrokerIsAwayOutliveARestartOfTheReader() throws Exception {
    try (Mosquitto broker = Mosquitto.start(work.resolve("broker"));
        MeterSimulator meter = meter(71000002L);
        Subscriber ha = new Subscriber(broker.url(), prefix, nodeId)) {
      broker.stop();
      Map<String, String> settings = settings(broker.url(), uriOf(meter));
      try (App first = App.start(work, "first", settings)) {
        await()
            .atMost(PATIENCE)
            .failFast("the jar stopped", () -> !first.isAlive())
            .until(() -> waiting().size() >= 3);
      }
      long taken = meter.meter().answersSent(GET_REGISTER);
      assertThat(waiting()).hasSize((int) taken);

      broker.start();
      meter.meter().faults().injectUntilCleared(Fault.noAnswer());
      try (App second = App.start(work, "second", settings)) {
        await()
            .atMost(PATIENCE)
            .failFast("the jar stopped", () -> !second.isAlive())
            .until(() -> waiting().isEmpty() && readTimes(ha.states(71000002L)).size() >= taken);
        assertThat(second.log()).contains(taken + " readings from an earlier run wait");
      }
      List<String> times = readTimes(ha.states(71000002L));
      assertThat(times).hasSize((int) taken).doesNotHaveDuplicates();
      assertThat(times).isSortedAccordingTo(String::compareTo);
    }
  }

  @Test
  void aKilledReaderIsShownOfflineByItsLastWill() throws Exception {
    try (Mosquitto broker = Mosquitto.start(work.resolve("broker"));
        MeterSimulator meter = meter(71000003L);
        Subscriber ha = new Subscriber(broker.url(), prefix, nodeId)) {
      App app = App.start(work, "app", settings(broker.url(), uriOf(meter)));
      await()
          .atMost(PATIENCE)
          .failFast("the jar stopped", () -> !app.isAlive())
          .until(() -> "online".equals(ha.availability()) && !ha.states(71000003L).isEmpty());

      app.kill();

      await().atMost(PATIENCE).until(() -> "offline".equals(ha.availability()));
    }
  }

  @Test
  void aSecondMeterAppearsAsItsOwnDeviceOnceItAnswers() throws Exception {
    int secondPort = ExampleRun.freePort();
    try (Mosquitto broker = Mosquitto.start(work.resolve("broker"));
        MeterSimulator first = meter(71000004L);
        Subscriber ha = new Subscriber(broker.url(), prefix, nodeId)) {
      String uris = uriOf(first) + ",kmp:socket://127.0.0.1:" + secondPort + "?initialDelay=0";
      try (App app = App.start(work, "app", settings(broker.url(), uris))) {
        await()
            .atMost(PATIENCE)
            .failFast("the jar stopped", () -> !app.isAlive())
            .until(() -> ha.states(71000004L).size() >= 2);
        assertThat(ha.configs().keySet()).noneMatch(t -> t.contains("71000005"));

        // the second meter reports a leak in its info code
        MeterConfig leaking =
            MeterConfig.builder()
                .serialNumber(71000005L)
                .register(InfoCode.REGISTER, java.math.BigDecimal.valueOf(256), 0)
                .build();
        try (MeterSimulator second =
            MeterSimulator.builder().meter(leaking).tcpPort(secondPort).start()) {
          await()
              .atMost(PATIENCE)
              .failFast("the jar stopped", () -> !app.isAlive())
              .until(() -> !ha.states(71000005L).isEmpty());
        }
      }
      Map<String, Subscriber.Received> configs = ha.configs();
      configs.forEach((t, c) -> HomeAssistantSchema.checkConfig(t, c.json(), prefix, nodeId));
      assertThat(
              configs.values().stream()
                  .map(c -> c.json().path("device").path("identifiers").get(0).asText())
                  .distinct())
          .containsExactlyInAnyOrder("kamstrup_71000004", "kamstrup_71000005");
      JsonNode leakState = ha.states(71000005L).get(0).json();
      assertThat(leakState.path("INFO").asInt()).isEqualTo(256);
      assertThat(leakState.path("problems").path("leak").asText()).isEqualTo("ON");
      assertThat(leakState.path("problems").path("burst").asText()).isEqualTo("OFF");
      assertThat(ha.states(71000004L).get(0).json().path("problems").path("leak").asText())
          .isEqualTo("OFF");
      assertThat(configs)
          .containsKey(prefix + "/binary_sensor/" + nodeId + "/kamstrup_71000005_info_leak/config");
    }
  }

  @Test
  void homeAssistantComingOnlineGetsTheDiscoveryAgain() throws Exception {
    try (Mosquitto broker = Mosquitto.start(work.resolve("broker"));
        MeterSimulator meter = meter(71000006L);
        Subscriber ha = new Subscriber(broker.url(), prefix, nodeId);
        App app = App.start(work, "app", settings(broker.url(), uriOf(meter)))) {
      await()
          .atMost(PATIENCE)
          .failFast("the jar stopped", () -> !app.isAlive())
          .until(() -> ha.configs().size() >= 15);
      await().atMost(PATIENCE).until(() -> app.log().contains("sent Home Assistant discovery"));
      long before = ha.configMessages();

      ha.homeAssistantOnline();

      await().atMost(PATIENCE).until(() -> ha.configMessages() >= before + ha.configs().size());
    }
  }

  @Test
  void refusedCredentialsAreOneLineAndExitStatus2() throws Exception {
    Path passwords = work.resolve("passwords");
    Process passwd =
        new ProcessBuilder(
                "mosquitto_passwd", "-b", "-c", passwords.toString(), "meter", "s3cret-Pa55")
            .redirectErrorStream(true)
            .start();
    assertThat(passwd.waitFor()).isZero();
    try (Mosquitto broker =
            Mosquitto.start(
                work.resolve("broker"), "allow_anonymous false", "password_file " + passwords);
        MeterSimulator meter = meter(71000007L)) {
      Map<String, String> settings = settings(broker.url(), uriOf(meter));
      settings.put("mqtt.username", "meter");
      Files.writeString(work.resolve("wrong"), "wrong-password\n");
      settings.put("mqtt.password.file", work.resolve("wrong").toString());
      App app = App.start(work, "app", settings);

      assertThat(app.exitStatus()).isEqualTo(2);
      assertThat(app.errorLines())
          .singleElement(as(STRING))
          .startsWith(
              "kmp-to-home-assistant: the MQTT broker " + broker.url() + " as meter refused")
          .contains("mqtt.username", "mqtt.password")
          .doesNotContain("Exception", "wrong-password");
      assertThat(meter.meter().answersSent(GET_REGISTER)).as("the meter was not read").isZero();

      Files.writeString(work.resolve("right"), "s3cret-Pa55\n");
      settings.put("mqtt.password.file", work.resolve("right").toString());
      try (App good = App.start(work, "good", settings)) {
        await()
            .atMost(PATIENCE)
            .failFast("the jar stopped", () -> !good.isAlive())
            .until(() -> good.log().contains("published " + nodeId + "/71000007/state"));
        assertThat(good.log()).as("the password is never logged").doesNotContain("s3cret-Pa55");
      }
    }
  }

  @Test
  void overTlsTheReaderTrustsTheBrokerSignedByTheConfiguredCa() throws Exception {
    TestCertificates certificates = TestCertificates.make(work.resolve("tls"));
    int plainPort = ExampleRun.freePort();
    try (Mosquitto broker =
            Mosquitto.start(
                work.resolve("broker"),
                "cafile " + certificates.ca(),
                "certfile " + certificates.serverCertificate(),
                "keyfile " + certificates.serverKey(),
                "listener " + plainPort + " 127.0.0.1");
        MeterSimulator meter = meter(71000009L);
        Subscriber ha = new Subscriber("tcp://127.0.0.1:" + plainPort, prefix, nodeId)) {
      Map<String, String> untrusted = settings(broker.url("ssl"), uriOf(meter));
      App refused = App.start(work, "untrusted", untrusted);
      assertThat(refused.exitStatus()).isEqualTo(2);
      assertThat(refused.errorLines())
          .singleElement(as(STRING))
          .startsWith("kmp-to-home-assistant: the TLS connection to the MQTT broker ")
          .contains("mqtt.truststore");

      Map<String, String> trusted = settings(broker.url("mqtts"), uriOf(meter));
      trusted.put("mqtt.truststore", certificates.ca().toString());
      try (App app = App.start(work, "trusted", trusted)) {
        await()
            .atMost(PATIENCE)
            .failFast("the jar stopped", () -> !app.isAlive())
            .until(() -> ha.states(71000009L).size() >= 2 && ha.configs().size() >= 15);
      }
    }
  }

  @Test
  void theSettingsComeFromTheEnvironmentAsTheSystemdUnitGivesThem() throws Exception {
    try (Mosquitto broker = Mosquitto.start(work.resolve("broker"));
        MeterSimulator meter = meter(71000010L);
        Subscriber ha = new Subscriber(broker.url(), prefix, nodeId)) {
      Files.writeString(work.resolve("password"), "unused\n");
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("KMP_URI", uriOf(meter));
      environment.put("KMP_DELAY", "200");
      environment.put("MQTT_URL", broker.url());
      environment.put("MQTT_USERNAME", "kmp");
      environment.put("MQTT_PASSWORD_FILE", work.resolve("password").toString());
      environment.put("MQTT_RECONNECT_DELAY_MAX", "500");
      environment.put("HA_DISCOVERY_PREFIX", prefix);
      environment.put("HA_NODE_ID", nodeId);
      try (App app = App.start(work, "app", Map.of(), environment)) {
        await()
            .atMost(PATIENCE)
            .failFast("the jar stopped", () -> !app.isAlive())
            .until(() -> ha.states(71000010L).size() >= 2);
        assertThat(app.log()).contains("connected to MQTT broker " + broker.url() + " as kmp");
      }
    }
  }

  @Test
  void aBadMqttUrlIsOneLineAndExitStatus2() throws Exception {
    try (MeterSimulator meter = meter(71000008L)) {
      App app = App.start(work, "app", settings("http://broker:1883", uriOf(meter)));

      assertThat(app.exitStatus()).isEqualTo(2);
      assertThat(app.errorLines())
          .singleElement(as(STRING))
          .startsWith("kmp-to-home-assistant: mqtt.url=http://broker:1883 is not an MQTT broker")
          .doesNotContain("Exception");
    }
  }
}
