package org.camelkmp.examples.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application as configured in application.properties, against the embedded simulator. */
@SuppressWarnings("try") // a running application is a resource that is closed, not used
class KmpToFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void everyReadingIsOneJsonLineInTheFileOfItsDay() throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("file.dir", dir.toString());
    try (RunningApp app = RunningApp.start(settings)) {
      await().atMost(WAIT).until(() -> jsonLines().size() >= 3);
    }
    List<Path> files = dayFiles();
    assertThat(files).hasSize(1);
    List<JsonNode> lines = jsonLines();
    List<Instant> readAt = new ArrayList<>();
    for (JsonNode line : lines) {
      assertThat(line.get("meterSerial").asLong()).isEqualTo(72345678L);
      assertThat(line.get("registers"))
          .extracting(r -> r.get("name").asText())
          .containsExactly("E1", "V1", "POWER1", "FLOW1", "T1", "T2");
      JsonNode e1 = line.get("registers").get(0);
      assertThat(e1.get("unit").asText()).isEqualTo("GJ");
      assertThat(e1.get("value").isBigDecimal() || e1.get("value").isNumber()).isTrue();
      readAt.add(Instant.parse(line.get("readAt").asText()));
    }
    assertThat(readAt).isSorted().doesNotHaveDuplicates();
    LocalDate day = readAt.get(0).atZone(ZoneId.of("UTC")).toLocalDate();
    assertThat(files.get(0).getFileName()).hasToString("readings-" + day + ".jsonl");
  }

  @Test
  void csvHasOneHeaderAndOneRowPerRegister() throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("file.dir", dir.toString());
    settings.put("file.format", "csv");
    settings.put("kmp.registers", "E1,V1,CLOCK");
    try (RunningApp app = RunningApp.start(settings)) {
      await().atMost(WAIT).until(() -> csvRecords().size() >= 3 * 3);
    }
    Path file = dayFiles().get(0);
    assertThat(file.getFileName().toString()).matches("readings-\\d{4}-\\d{2}-\\d{2}\\.csv");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith(String.join(",", CsvLines.COLUMNS) + "\r\n").endsWith("\r\n");
    assertThat(text.split("meter_serial", -1)).hasSize(2);

    List<CSVRecord> records = csvRecords();
    assertThat(records.size() % 3).isZero();
    for (int i = 0; i < records.size(); i += 3) {
      List<CSVRecord> reading = records.subList(i, i + 3);
      assertThat(reading)
          .extracting(r -> r.get("register_name"))
          .containsExactly("E1", "V1", "CLOCK");
      assertThat(reading)
          .extracting(r -> r.get("read_at"))
          .containsOnly(reading.get(0).get("read_at"));
      assertThat(reading).extracting(r -> r.get("meter_serial")).containsOnly("72345678");
      assertThat(new BigDecimal(reading.get(0).get("value"))).isPositive();
      assertThat(reading.get(0).get("text")).isEmpty();
      assertThat(reading.get(2).get("unit")).isEqualTo("hh:mm:ss");
      assertThat(reading.get(2).get("text")).matches("\\d{2}:\\d{2}:\\d{2}");
    }
  }

  @Test
  void theFileIsNamedAfterTheReadingsDayInTheConfiguredZone() throws Exception {
    // 26 hours apart: these two zones never share a calendar day
    for (String zone : List.of("Pacific/Kiritimati", "Etc/GMT+12")) {
      Path zoneDir = Files.createDirectory(dir.resolve(zone.replace('/', '_')));
      Map<String, String> settings = RunningApp.onEmbeddedSimulator();
      settings.put("file.dir", zoneDir.toString());
      settings.put("file.zone", zone);
      try (RunningApp app = RunningApp.start(settings)) {
        await().atMost(WAIT).until(() -> !filesIn(zoneDir).isEmpty());
      }
      Path file = filesIn(zoneDir).get(0);
      JsonNode first = JSON.readTree(Files.readAllLines(file).get(0));
      LocalDate day =
          Instant.parse(first.get("readAt").asText()).atZone(ZoneId.of(zone)).toLocalDate();
      assertThat(file.getFileName()).hasToString("readings-" + day + ".jsonl");
    }
  }

  @Test
  void aLineTornByACrashIsMovedAsideAndNewLinesStayWhole() throws Exception {
    Path old = dir.resolve("readings-2020-01-01.jsonl");
    Files.writeString(old, "{\"complete\":1}\n{\"torn\":");
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("file.dir", dir.toString());
    // the file of the day being written is repaired before every append
    Path today = dir.resolve("readings-" + LocalDate.now(ZoneId.of("UTC")) + ".jsonl");
    Files.writeString(today, "{\"complete\":2}\n{\"torn\":tr");
    try (RunningApp app = RunningApp.start(settings)) {
      await().atMost(WAIT).until(() -> Files.readAllLines(today).size() >= 3);
    }
    assertThat(Files.readString(old)).isEqualTo("{\"complete\":1}\n");
    assertThat(Files.readString(dir.resolve(old.getFileName() + ".torn")))
        .isEqualTo("{\"torn\":\n");
    assertThat(Files.readString(dir.resolve(today.getFileName() + ".torn")))
        .isEqualTo("{\"torn\":tr\n");
    List<String> lines = Files.readAllLines(today);
    assertThat(lines.get(0)).isEqualTo("{\"complete\":2}");
    for (String line : lines.subList(1, lines.size())) {
      assertThat(JSON.readTree(line).get("registers")).hasSize(6);
    }
  }

  @Test
  void aFailedAppendIsTriedAgainWholeAndLandsOnce() throws Exception {
    Map<String, String> settings = RunningApp.onEmbeddedSimulator();
    settings.put("file.dir", dir.toString());
    // only the first reading: the meter is read again in an hour
    settings.put("kmp.delay", "3600000");
    // a real failure: the day file cannot be opened while a directory has its name
    Path today = dir.resolve("readings-" + LocalDate.now(ZoneId.of("UTC")) + ".jsonl");
    Files.createDirectory(today);
    try (RunningApp app = RunningApp.start(settings)) {
      Redeliveries redeliveries = new Redeliveries();
      app.main.getCamelContext().getManagementStrategy().addEventNotifier(redeliveries);
      redeliveries.start();
      await().atMost(WAIT).until(() -> redeliveries.count.get() >= 1);
      Files.delete(today);
      await().atMost(WAIT).until(() -> Files.isRegularFile(today) && Files.size(today) > 0);
      // the route logs after the append: wait for the exchange to finish before stopping
      await()
          .atMost(WAIT)
          .until(() -> app.main.getCamelContext().getInflightRepository().size() == 0);
    }
    List<String> lines = Files.readAllLines(today);
    assertThat(lines).hasSize(1);
    assertThat(JSON.readTree(lines.get(0)).get("registers")).hasSize(6);
    assertThat(Files.readString(today)).endsWith("}\n");
    assertThat(dir).isDirectoryNotContaining("glob:**.torn");
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

  private List<Path> dayFiles() throws IOException {
    return filesIn(dir);
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().matches("readings-.*\\.(jsonl|csv)"))
          .sorted()
          .toList();
    }
  }

  private List<JsonNode> jsonLines() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (Path file : dayFiles()) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  private List<CSVRecord> csvRecords() throws IOException {
    List<Path> files = dayFiles();
    if (files.isEmpty()) {
      return List.of();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(files.get(0), StandardCharsets.UTF_8, format)) {
      return parser.getRecords();
    }
  }
}
