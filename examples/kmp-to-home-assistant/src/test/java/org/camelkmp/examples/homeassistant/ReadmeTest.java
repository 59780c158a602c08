package org.camelkmp.examples.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.camelkmp.kmp.testsupport.ExternalProgram;
import org.junit.jupiter.api.Test;

/** The README's unit table and the shipped systemd files say what the code does. */
class ReadmeTest {
  private static final Path README = Path.of("README.md");
  private static final Path UNIT = Path.of("dist/kmp-to-home-assistant.service");
  private static final Path ENV = Path.of("dist/kmp-to-home-assistant.env");

  @Test
  void theReadmesUnitTableIsTheCodesTable() throws IOException {
    Map<Integer, String> readme = new TreeMap<>();
    for (String line : Files.readAllLines(README)) {
      if (line.matches("\\| [0-9]+ \\|.*")) {
        String[] cells = line.split("\\|");
        readme.put(
            Integer.parseInt(cells[1].trim()),
            String.join("|", cells[3].trim(), cells[4].trim(), cells[5].trim(), cells[6].trim()));
      }
    }
    Map<Integer, String> code = new TreeMap<>();
    HomeAssistantUnits.table()
        .forEach(
            (unit, c) ->
                code.put(
                    unit,
                    String.join(
                        "|",
                        dash(c.deviceClass()),
                        dash(c.stateClass()),
                        c.text() ? "(text)" : dash(c.unit()),
                        c.powerOfTen() == 0
                            ? "1"
                            : c.powerOfTen() == 1 ? "10" : "10^" + c.powerOfTen())));

    assertThat(readme).isEqualTo(code);
  }

  private static String dash(String value) {
    return value == null ? "—" : value;
  }

  @Test
  void theSystemdUnitIsValidAndRunsTheJarAsAnUnprivilegedDialoutUser() throws Exception {
    Path analyze =
        ExternalProgram.require(
            "systemd-analyze", "the systemd unit test", "/usr/bin/systemd-analyze");
    Process verify =
        new ProcessBuilder(analyze.toString(), "verify", UNIT.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(verify.getInputStream().readAllBytes());
    assertThat(verify.waitFor()).as(output).isZero();
    assertThat(output).as("systemd-analyze verify").isBlank();

    List<String> unit = Files.readAllLines(UNIT);
    assertThat(unit)
        .contains(
            "User=kmp",
            "SupplementaryGroups=dialout",
            "Restart=on-failure",
            "RestartPreventExitStatus=2",
            "EnvironmentFile=/etc/kmp-to-home-assistant/kmp-to-home-assistant.env");
    assertThat(unit)
        .anyMatch(
            l ->
                l.startsWith("ExecStart=/usr/bin/java ")
                    && l.endsWith(" -jar /opt/kmp-to-home-assistant/kmp-to-home-assistant.jar"));
    String readme = Files.readString(README);
    assertThat(readme)
        .contains("/opt/kmp-to-home-assistant/kmp-to-home-assistant.jar")
        .contains("/etc/kmp-to-home-assistant/kmp-to-home-assistant.env")
        .contains("--groups dialout kmp");
  }

  @Test
  void everyVariableOfTheEnvFileIsASettingOfTheApplication() throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    for (String line : Files.readAllLines(ENV)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String variable = line.substring(0, line.indexOf('='));
      assertThat(properties.stringPropertyNames())
          .as(variable + " names a setting")
          .anyMatch(
              key ->
                  key.toUpperCase(Locale.ROOT)
                      .replace('.', '_')
                      .replace('-', '_')
                      .equals(variable));
    }
  }
}
