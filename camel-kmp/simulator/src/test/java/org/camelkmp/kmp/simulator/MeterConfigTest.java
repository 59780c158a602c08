package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.value.RegisterValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration from code and from properties files. */
class MeterConfigTest {
  private final MutableClock clock = MutableClock.standard();

  private static Properties properties(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }

  @Test
  void defaultsDescribeAMultical403HeatMeter() {
    MeterConfig config = MeterConfig.defaults();

    assertThat(config.meterType()).isEqualTo(0x0403);
    assertThat(config.revision()).isEqualTo(0x0601);
    assertThat(config.address()).isEqualTo(0x3F);
    assertThat(config.password()).isZero();
    assertThat(config.hourlyLog()).isEqualTo(new MeterConfig.LogSpec(1440, 1440));
    assertThat(config.toString()).contains("type=0x0403", "revision=F1", "address=0x3F");
  }

  @Test
  void theShippedExampleFileSpellsOutTheDefaults() throws IOException {
    Properties example = new Properties();
    try (InputStream in = MeterConfig.class.getResourceAsStream("mc403.properties")) {
      example.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }

    MeterConfig parsed = MeterConfig.fromProperties(example);

    assertThat(parsed.toString()).isEqualTo(MeterConfig.defaults().toString());
    assertThat(parsed.heatEnergy()).isEqualTo(MeterConfig.defaults().heatEnergy());
    assertThat(parsed.dailyLog()).isEqualTo(MeterConfig.defaults().dailyLog());
    assertThat(parsed.variation()).isEqualTo(1.0);
  }

  @Test
  void readsEveryKeyFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("meter.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "serialNumber=12345",
            "meterType=0x1504",
            "revision=G2",
            "address=0x7F",
            "password=4711",
            "heatEnergy=10.5 GJ",
            "coolingEnergy=1",
            "volume=20 m³",
            "hourCounter=99",
            "power=20 kW",
            "flow=600",
            "flowTemperature=80 °C",
            "variation=0.5",
            "log.hourly.depth=100",
            "log.hourly.history=10",
            "log.daily.depth=30",
            "log.daily.history=0",
            "register.60=123.456 GJ",
            "register.T1=55.5 °C",
            "register.5000=42",
            "register.74=remove"),
        StandardCharsets.UTF_8);

    MeterConfig config = MeterConfig.load(file);

    assertThat(config.serialNumber()).isEqualTo(12345);
    assertThat(config.meterType()).isEqualTo(0x1504);
    assertThat(config.revision()).isEqualTo(0x0702);
    assertThat(config.address()).isEqualTo(0x7F);
    assertThat(config.password()).isEqualTo(4711);
    assertThat(config.heatEnergy()).isEqualTo(new BigDecimal("10.5"));
    assertThat(config.coolingEnergy()).isEqualTo(BigDecimal.ONE);
    assertThat(config.volume()).isEqualTo(new BigDecimal("20"));
    assertThat(config.hourCounter()).isEqualTo(99);
    assertThat(config.power()).isEqualTo(new BigDecimal("20"));
    assertThat(config.flow()).isEqualTo(new BigDecimal("600"));
    assertThat(config.flowTemperature()).isEqualTo(new BigDecimal("80"));
    assertThat(config.variation()).isEqualTo(0.5);
    assertThat(config.hourlyLog()).isEqualTo(new MeterConfig.LogSpec(100, 10));
    assertThat(config.dailyLog()).isEqualTo(new MeterConfig.LogSpec(30, 0));
    assertThat(config.fixedRegisters()).containsOnlyKeys(60, 86, 5000);
    assertThat(config.removedRegisters()).containsExactly(74);
  }

  @Test
  void fixedAndRemovedRegistersShowInGetRegister() {
    MeterConfig config =
        MeterConfig.fromProperties(
            properties("register.60=123.456 GJ\nregister.5000=42\nregister.FLOW1=remove\n"));
    SimulatedMeter meter = new SimulatedMeter(config, clock);

    GetRegisterResponse answer =
        (GetRegisterResponse) meter.handle(GetRegisterRequest.of(60, 74, 5000)).orElseThrow();

    assertThat(answer.values())
        .containsExactly(
            RegisterValue.ofNumber(60, new BigDecimal("123.456"), 8, 4),
            RegisterValue.ofNumber(5000, new BigDecimal("42"), 0, 4));
    assertThat(meter.registerIds()).contains(5000).doesNotContain(74);
  }

  @Test
  void theBuilderAddsReplacesAndRemovesRegisters() {
    MeterConfig config =
        MeterConfig.builder()
            .register(60, new BigDecimal("1.000"), 8)
            .remove(80)
            .remove(60)
            .register(RegisterValue.ofText(5001, "HELLO"))
            .build();

    assertThat(config.fixedRegisters()).containsOnlyKeys(5001);
    assertThat(config.removedRegisters()).containsExactly(60, 80);
    assertThat(config.toBuilder().register(80, BigDecimal.ONE, 22).build().removedRegisters())
        .containsExactly(60);
  }

  @Test
  void anUnknownKeyIsRefusedNamingKeyAndValue() {
    assertThatThrownBy(() -> MeterConfig.fromProperties(properties("serial=42")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'serial'")
        .hasMessageContaining("'42'")
        .hasMessageContaining("serialNumber");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "serialNumber|-1",
        "serialNumber|4294967296",
        "serialNumber|abc",
        "meterType|0x10000",
        "meterType|0xZZ",
        "revision|F999",
        "revision|1.5",
        "address|256",
        "password|65536",
        "heatEnergy|ten",
        "heatEnergy|10 kWh",
        "heatEnergy|-1",
        "volume|5 l/h",
        "hourCounter|1.5",
        "power|-2 kW",
        "flow|fast",
        "flowTemperature|70 K",
        "variation|2",
        "log.hourly.depth|0",
        "log.hourly.history|70000",
        "log.daily.history|1000",
        "register.60|12 parsecs",
        "register.60|twelve GJ",
        "register.60|1E-64",
        "register.NOPE|1",
        "register.70000|1",
      })
  void aBadValueIsRefusedNamingKeyAndValue(String key, String value) {
    assertThatThrownBy(() -> MeterConfig.fromProperties(properties(key + "=" + value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .as("names the value")
                    .containsAnyOf("'" + value + "'", value));
  }

  @Test
  void aRegisterGivenTwiceIsRefused() {
    assertThatThrownBy(
            () -> MeterConfig.fromProperties(properties("register.60=1 GJ\nregister.E1=2 GJ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("register.60")
        .hasMessageContaining("register.E1");
  }

  @Test
  void anInconsistentLoadIsRefused() {
    assertThatThrownBy(() -> MeterConfig.fromProperties(properties("flow=0\npower=5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power 5 kW needs a flow above 0");
  }

  @Test
  void builderChecksRanges() {
    assertThatThrownBy(() -> MeterConfig.builder().address(256).build())
        .hasMessageContaining("address 256");
    assertThatThrownBy(() -> MeterConfig.builder().serialNumber(-1).build())
        .hasMessageContaining("serial number -1");
    assertThatThrownBy(() -> MeterConfig.builder().variation(Double.NaN).build())
        .hasMessageContaining("variation");
    assertThatThrownBy(() -> MeterConfig.builder().heatEnergy(new BigDecimal("-1")).build())
        .hasMessageContaining("heat energy -1 is negative");
    assertThatThrownBy(() -> MeterConfig.builder().hourlyLog(10, 11))
        .hasMessageContaining("history 11");
    assertThatThrownBy(() -> MeterConfig.builder().remove(70_000)).hasMessageContaining("70000");
  }

  @Test
  void aMissingFileIsAnIoException(@TempDir Path dir) {
    assertThatThrownBy(() -> MeterConfig.load(dir.resolve("nope.properties")))
        .isInstanceOf(IOException.class);
  }
}
