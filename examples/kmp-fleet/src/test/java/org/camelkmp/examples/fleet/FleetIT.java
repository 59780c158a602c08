package org.camelkmp.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.testsupport.ExternalProgram;
import org.camelkmp.kmp.testsupport.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three fleet nodes as separate JVMs, a real ZooKeeper server and a real Kafka broker as separate
 * processes, 24 simulated meters on TCP in this JVM. What is asserted is what reached the meters
 * (their sessions, their answers) and what arrived in Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {
  private static final String TOPIC = "kmp.readings";
  private static final Duration POLL = Duration.ofSeconds(5);
  private static final Duration SESSION = Duration.ofSeconds(3);
  private static final Duration STANDBY = Duration.ofSeconds(10);
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int METERS = 24;
  private static final int GET_REGISTER = 0x10;
  private static final List<String> NODES = List.of("node-1", "node-2", "node-3");

  private Path work;
  private Path metersFile;
  private ZooKeeperServer zookeeper;
  private KafkaBroker kafka;
  private KafkaReadings readings;
  private final Map<String, MeterSimulator> meters = new LinkedHashMap<>();
  private final Map<String, FleetNode> nodes = new LinkedHashMap<>();
  private final Map<String, Integer> metricsPorts = new LinkedHashMap<>();

  /** The meters a fault hit: one reading each may be lost (read, not yet sent, when it hit). */
  private final Set<String> windows = new java.util.TreeSet<>();

  /** The meters a stopped node held an (idle) TCP session to while another took them over. */
  private final Set<String> frozenSessions = new java.util.TreeSet<>();

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory(Path.of("target"), "fleet-it-").toAbsolutePath();
    zookeeper = new ZooKeeperServer(work).start();
    kafka = new KafkaBroker(work).start();
    kafka.createTopic(TOPIC);
    readings = new KafkaReadings(kafka.bootstrap(), TOPIC);
    StringBuilder file = new StringBuilder(MetersFile.HEADER + "\n");
    for (int i = 1; i <= METERS; i++) {
      String id = "m" + i;
      MeterSimulator meter =
          MeterSimulator.builder()
              .meter(MeterConfig.builder().serialNumber(81_000_000L + i).build())
              .tcpPort(FreePorts.next())
              .start();
      meters.put(id, meter);
      file.append(id)
          .append(",kmp:socket://127.0.0.1:")
          .append(meter.tcpPort())
          .append(",E1 V1 T1 T2,")
          .append(POLL.toSeconds())
          .append("s\n");
    }
    metersFile = work.resolve("fleet.meters");
    Files.writeString(metersFile, file);
    for (String name : NODES) {
      nodes.put(name, FleetNode.start(work, name, settings(name, metersFile)));
    }
  }

  private Map<String, String> settings(String name, Path metersFile) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("fleet.meters", metersFile.toString());
    s.put("fleet.node.id", name);
    s.put("fleet.nodes", String.join(",", NODES));
    s.put("fleet.standby-delay", STANDBY.toSeconds() + "s");
    s.put("fleet.namespace", "fleet-it");
    s.put("zookeeper.connect", zookeeper.connect());
    s.put("zookeeper.session-timeout", SESSION.toMillis() + "ms");
    s.put("kafka.bootstrap.servers", kafka.bootstrap());
    s.put("kafka.topic", TOPIC);
    s.put(
        "fleet.metrics.port",
        String.valueOf(metricsPorts.computeIfAbsent(name, n -> FreePorts.next())));
    s.put("camel.management.host", "127.0.0.1");
    return s;
  }

  @AfterAll
  void stop() {
    nodes.values().forEach(FleetNode::close);
    System.out.println("the nodes' logs:" + diagnostics());
    keepLogs();
    meters.values().forEach(MeterSimulator::close);
    if (readings != null) {
      readings.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (zookeeper != null) {
      zookeeper.close();
    }
    ExternalProgram.deleteDirectory(work);
  }

  /** Which nodes each meter's readings in Kafka came from. */
  private Map<String, Set<String>> readersByMeter(List<KafkaReadings.Record> records) {
    return records.stream()
        .collect(
            Collectors.groupingBy(
                KafkaReadings.Record::meter,
                Collectors.mapping(KafkaReadings.Record::node, Collectors.toSet())));
  }

  /**
   * Whether no poll of {@code node} on {@code meters} can be in flight now, nor start within a
   * second: each meter's last reading seen in Kafka is less than (poll period − 1 s) old. Its next
   * poll starts a period after that poll ended; a poll that ended but is not yet in Kafka leaves a
   * reading a period older seen, which fails the condition.
   */
  private boolean betweenPolls(String node, List<String> meters) {
    Instant now = Instant.now();
    Map<String, Instant> last = new HashMap<>();
    for (KafkaReadings.Record r : readings.all()) {
      if (r.node().equals(node) && meters.contains(r.meter())) {
        last.merge(r.meter(), r.readAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return meters.stream()
        .allMatch(
            m -> {
              Instant t = last.get(m);
              return t != null && t.isAfter(now.minus(POLL).plusSeconds(1));
            });
  }

  /** GetRegister answers each meter sent so far: the readings the fleet can have. */
  private Map<String, Long> answers() {
    Map<String, Long> out = new LinkedHashMap<>();
    meters.forEach((id, meter) -> out.put(id, meter.meter().answersSent(GET_REGISTER)));
    return out;
  }

  private static Map<String, Long> countsByMeter(List<KafkaReadings.Record> records) {
    return records.stream()
        .collect(Collectors.groupingBy(KafkaReadings.Record::meter, Collectors.counting()));
  }

  /** Copies the nodes' and servers' logs to target/fleet-it-logs, for a failure's analysis. */
  private void keepLogs() {
    try {
      Path logs = Files.createDirectories(Path.of("target", "fleet-it-logs"));
      for (String name : NODES) {
        Files.writeString(logs.resolve(name + ".log"), nodes.get(name).log());
      }
      for (String server : List.of("zookeeper.log", "kafka.log")) {
        if (Files.exists(work.resolve(server))) {
          Files.copy(
              work.resolve(server),
              logs.resolve(server),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (java.io.IOException e) {
      System.out.println("cannot keep the logs: " + e);
    }
  }

  private String diagnostics() {
    StringBuilder out = new StringBuilder();
    nodes.forEach(
        (name, node) -> {
          String log = node.log();
          out.append("\n--- ").append(name).append(node.isAlive() ? "" : " (ended)").append(":\n");
          out.append(log, Math.max(0, log.length() - 6_000), log.length());
        });
    return out.toString();
  }

  @Test
  @Order(1)
  void theThreeNodesShareTheShardsAndEveryMeterIsPolledByOne() throws Exception {
    await("every meter read twice, by each node some")
        .atMost(PATIENCE)
        .failFast(
            "a node ended" + diagnostics(),
            () -> !nodes.values().stream().allMatch(FleetNode::isAlive))
        .until(
            () -> {
              List<KafkaReadings.Record> all = readings.all();
              Map<String, Long> counts =
                  all.stream()
                      .collect(
                          Collectors.groupingBy(
                              KafkaReadings.Record::meter, Collectors.counting()));
              return counts.size() == METERS
                  && counts.values().stream().allMatch(c -> c >= 2)
                  && all.stream().map(KafkaReadings.Record::node).distinct().count() == 3;
            });
    await("every node contends for every shard")
        .atMost(PATIENCE)
        .until(() -> nodes.values().stream().allMatch(n -> n.log().contains("contending now for")));

    List<KafkaReadings.Record> all = readings.all();
    Map<String, Set<String>> readers = readersByMeter(all);
    assertThat(readers.values())
        .as("one reader per meter" + diagnostics())
        .allMatch(s -> s.size() == 1);
    Map<String, Long> metersPerNode =
        readers.values().stream()
            .map(s -> s.iterator().next())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    System.out.println("meters per node: " + metersPerNode);
    assertThat(metersPerNode).containsOnlyKeys(NODES);
    assertThat(all.stream().map(KafkaReadings.Record::key))
        .allMatch(k -> k.startsWith("81"), "keys are the meters' serial numbers");
    assertThat(all.get(0).json()).contains("\"meterSerial\":81").contains("\"readAt\"");
    meters.forEach(
        (id, meter) ->
            assertThat(meter.tcpServer().orElseThrow().maxConnectionCount())
                .as("sessions at once on " + id)
                .isEqualTo(1));
    for (String name : NODES) {
      assertThat(scrape(name))
          .as(name + "'s figures")
          .containsPattern("kmp_fleet_shards_led\\{[^}]*node=\"" + name + "\"[^}]*\\} 4\\.0")
          .contains("kmp_consumer_polls_total");
    }
  }

  /** The node's Prometheus figures, as Prometheus would scrape them. */
  private String scrape(String node) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://127.0.0.1:" + metricsPorts.get(node) + "/observe/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET /observe/metrics on " + node).isEqualTo(200);
    return response.body();
  }

  @Test
  @Order(2)
  void aKafkaRestartLosesNoReading() throws Exception {
    kafka.stop();
    Map<String, Long> before = answers();
    await("every meter read while Kafka is away")
        .atMost(PATIENCE)
        .until(
            () ->
                answers().entrySet().stream().allMatch(e -> e.getValue() > before.get(e.getKey())));
    Map<String, Long> whileAway = answers();
    kafka.start();

    await("the readings taken while Kafka was away, in Kafka")
        .atMost(PATIENCE)
        .until(
            () -> {
              Map<String, Long> inKafka = countsByMeter(readings.all());
              return whileAway.entrySet().stream()
                  .allMatch(e -> inKafka.getOrDefault(e.getKey(), 0L) >= e.getValue());
            });
    assertThat(nodes.values()).allMatch(FleetNode::isAlive);
  }

  @Test
  @Order(3)
  void aKilledNodesMetersAreTakenOverWithinTwoPollsNeverByTwoAtOnce() throws Exception {
    Map<String, Set<String>> before = readersByMeter(readings.all());
    String victimName = "node-1";
    List<String> victimMeters =
        before.entrySet().stream()
            .filter(e -> e.getValue().contains(victimName))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    assertThat(victimMeters).as("meters node-1 polls").isNotEmpty();

    Instant killedAt = Instant.now();
    nodes.get(victimName).kill();

    Map<String, Instant> takenOver = new HashMap<>();
    await("node-1's meters read by another node")
        .atMost(POLL.multipliedBy(2).plusSeconds(10))
        .until(
            () -> {
              for (KafkaReadings.Record r : readings.all()) {
                if (victimMeters.contains(r.meter())
                    && !r.node().equals(victimName)
                    && r.readAt().isAfter(killedAt)) {
                  takenOver.merge(r.meter(), r.readAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
              }
              return takenOver.keySet().containsAll(victimMeters);
            });
    Duration slowest =
        takenOver.values().stream()
            .map(t -> Duration.between(killedAt, t))
            .max(Duration::compareTo)
            .orElseThrow();
    System.out.println(
        "failover: " + victimMeters.size() + " meters read again after the kill within " + slowest);
    assertThat(slowest)
        .as("read again within two poll periods")
        .isLessThanOrEqualTo(POLL.multipliedBy(2));
    Map<String, Set<String>> after = readersByMeter(readings.all());
    Set<String> heirs =
        victimMeters.stream()
            .flatMap(m -> after.get(m).stream())
            .filter(n -> !n.equals(victimName))
            .collect(Collectors.toSet());
    System.out.println("node-1's meters went to " + heirs);
    assertThat(heirs)
        .as("node-1's shards spread over both survivors")
        .containsOnly("node-2", "node-3");

    meters.forEach(
        (id, meter) ->
            assertThat(meter.tcpServer().orElseThrow().maxConnectionCount())
                .as("sessions at once on " + id)
                .isEqualTo(1));
    windows.addAll(victimMeters);
  }

  @Test
  @Order(4)
  void aNodeStoppedPastItsSessionStopsPollingBeforeAnotherStarts() throws Exception {
    String frozen = "node-2";
    String survivor = "node-3";
    FleetNode node = nodes.get(frozen);
    List<String> itsMeters =
        readersByMeter(readings.all()).entrySet().stream()
            .filter(e -> e.getValue().contains(frozen) && !e.getValue().contains(survivor))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    assertThat(itsMeters).as("meters node-2 polls").isNotEmpty();

    // frozen between two polls of every one of its meters, never in the middle of one
    await("a moment between node-2's polls")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> betweenPolls(frozen, itsMeters));
    Instant stoppedAt = Instant.now();
    node.signal("STOP");
    Map<String, Instant> takenOver = new HashMap<>();
    await("node-2's meters read by node-3 while node-2 is stopped")
        .atMost(PATIENCE)
        .until(
            () -> {
              for (KafkaReadings.Record r : readings.all()) {
                if (itsMeters.contains(r.meter()) && r.node().equals(survivor)) {
                  takenOver.merge(r.meter(), r.readAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
              }
              return takenOver.keySet().containsAll(itsMeters);
            });
    node.signal("CONT");

    assertThat(node.exitStatus()).as("node-2 ends itself after SIGCONT").isEqualTo(3);
    assertThat(node.log()).contains("lost the ZooKeeper connection");
    List<KafkaReadings.Record> all = readings.all();
    for (String meter : itsMeters) {
      Instant last =
          all.stream()
              .filter(r -> r.meter().equals(meter) && r.node().equals(frozen))
              .map(KafkaReadings.Record::readAt)
              .max(Instant::compareTo)
              .orElseThrow();
      assertThat(last)
          .as(meter + ": node-2 read nothing after it was stopped, nor after SIGCONT")
          .isBefore(stoppedAt)
          .isBefore(takenOver.get(meter));
    }
    System.out.println(
        "SIGSTOP: node-2's "
            + itsMeters.size()
            + " meters read by node-3 within "
            + takenOver.values().stream()
                .map(t -> Duration.between(stoppedAt, t))
                .max(Duration::compareTo)
                .orElseThrow());
    windows.addAll(itsMeters);
    frozenSessions.addAll(itsMeters);
  }

  @Test
  @Order(5)
  void aZooKeeperRestartEndsTheNodesWhichRejoinWhenStartedAgain() throws Exception {
    FleetNode node = nodes.get("node-3");
    zookeeper.close();

    assertThat(node.exitStatus()).as("node-3 ends itself without ZooKeeper").isEqualTo(3);
    assertThat(node.log()).contains("lost the ZooKeeper connection");

    zookeeper.start();
    Instant restarted = Instant.now();
    nodes.put("node-3", FleetNode.start(work, "node-3", "again", settings("node-3", metersFile)));

    await("every meter read by node-3 after its restart")
        .atMost(PATIENCE)
        .until(
            () ->
                readings.all().stream()
                        .filter(r -> r.node().equals("node-3") && r.readAt().isAfter(restarted))
                        .map(KafkaReadings.Record::meter)
                        .distinct()
                        .count()
                    == METERS);
  }

  @Test
  @Order(6)
  void noReadingIsLostOrDuplicatedOutsideTheFaultsWindows() throws Exception {
    // one more poll period by the survivors, then stop them: what they read reaches Kafka
    Instant settled = Instant.now().plus(POLL);
    await()
        .atMost(PATIENCE)
        .until(() -> readings.all().stream().anyMatch(r -> r.readAt().isAfter(settled)));
    nodes.values().forEach(FleetNode::close);

    List<KafkaReadings.Record> all = readings.all();
    assertThat(all.stream().map(KafkaReadings.Record::readingId).distinct().count())
        .as("no reading twice in Kafka")
        .isEqualTo(all.size());
    Map<String, Long> inKafka =
        all.stream()
            .collect(Collectors.groupingBy(KafkaReadings.Record::meter, Collectors.counting()));
    List<String> wrong = new ArrayList<>();
    meters.forEach(
        (id, meter) -> {
          long answered = meter.meter().answersSent(GET_REGISTER);
          long arrived = inKafka.getOrDefault(id, 0L);
          long lost = answered - arrived;
          boolean inWindow = windows.contains(id);
          if (lost < 0 || lost > (inWindow ? 1 : 0)) {
            wrong.add(id + ": meter answered " + answered + ", Kafka has " + arrived);
          }
          if (!frozenSessions.contains(id)
              && meter.tcpServer().orElseThrow().maxConnectionCount() != 1) {
            wrong.add(
                id
                    + ": "
                    + meter.tcpServer().orElseThrow().maxConnectionCount()
                    + " sessions at once");
          }
        });
    assertThat(wrong)
        .as("readings lost outside the failover window, or two readers at once")
        .isEmpty();
  }
}
