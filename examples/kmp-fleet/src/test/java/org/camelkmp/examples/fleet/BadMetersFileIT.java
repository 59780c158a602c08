package org.camelkmp.examples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camelkmp.kmp.testsupport.ExternalProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad meters file stops the jar before it connects anywhere: one line naming the line, 2. */
class BadMetersFileIT {
  private Path work;

  @BeforeEach
  void makeWork() throws Exception {
    work = Files.createTempDirectory(Path.of("target"), "bad-meters-").toAbsolutePath();
  }

  @AfterEach
  void deleteWork() {
    ExternalProgram.deleteDirectory(work);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a duplicate id   | m1,kmp:socket://127.0.0.1:2002,E1 V1,15m | id m1 is given already on line 2",
        "a bad URI        | m2,socket://127.0.0.1:2002,E1 V1,15m     | must start with kmp:",
        "unknown register | m2,kmp:socket://127.0.0.1:2002,E1 NOPE,15m | registers 'E1 NOPE'",
        "a bad duration   | m2,kmp:socket://127.0.0.1:2002,E1 V1,15 minutes | is not a duration",
      })
  void namesTheLineAndExitsWithStatus2(String what, String badLine, String reason)
      throws Exception {
    Path file = work.resolve("fleet.meters");
    Files.writeString(
        file,
        MetersFile.HEADER + "\nm1,kmp:socket://127.0.0.1:2002,E1 V1 T1 T2,15m\n" + badLine + "\n");

    FleetNode node =
        FleetNode.start(
            work,
            "node",
            Map.of(
                "fleet.meters", file.toString(),
                "zookeeper.connect", "127.0.0.1:1",
                "kafka.bootstrap.servers", "127.0.0.1:1"));

    assertThat(node.exitStatus()).as(what).isEqualTo(2);
    assertThat(node.errorLines())
        .singleElement()
        .asString()
        .startsWith("kmp-fleet: fleet.meters=" + file + " line 3: ")
        .contains(reason);
  }
}
