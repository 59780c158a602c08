package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelkmp.kmp.transport.Parity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URI forms and option validation: a bad option fails endpoint creation, naming it. */
class KmpEndpointConfigurationTest {
  private final CamelContext context = new DefaultCamelContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  private KmpEndpoint endpoint(String uri) {
    return context.getEndpoint(uri, KmpEndpoint.class);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  @ParameterizedTest
  @CsvSource({
    "kmp:/dev/ttyUSB0?registers=60, /dev/ttyUSB0",
    "kmp:///dev/ttyUSB0?registers=60, /dev/ttyUSB0",
    "kmp:COM3?registers=E1, COM3",
    "kmp:socket://192.168.1.5:2002?registers=60, socket://192.168.1.5:2002"
  })
  void acceptsPortPathsNamesAndGateways(String uri, String port) {
    assertThat(endpoint(uri).getPort()).isEqualTo(port);
  }

  @Test
  void rejectsAPathThatLostItsLeadingSlash() {
    assertThatThrownBy(() -> endpoint("kmp://dev/ttyUSB0?registers=60"))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .satisfies(
            e ->
                assertThat(rootMessage(e))
                    .contains("lost its leading slash")
                    .contains("kmp:/dev/ttyUSB0"));
  }

  @Test
  void defaultsSuitAKmpMeterAndItsBattery() {
    KmpEndpoint endpoint = endpoint("kmp:/dev/ttyUSB0?registers=E1,V1,60");
    // the one-minute poll delay is checked at the meter: KmpPollDelayTest
    assertThat(endpoint.getConfiguration().getBaudRate()).isEqualTo(1200);
    assertThat(endpoint.getConfiguration().getDataBits()).isEqualTo(8);
    assertThat(endpoint.getConfiguration().getStopBits()).isEqualTo(2);
    assertThat(endpoint.getConfiguration().getParity()).isEqualTo(Parity.NONE);
    assertThat(endpoint.getConfiguration().getTimeout()).isEqualTo(2000);
    assertThat(endpoint.getConfiguration().getQuietTime()).isEqualTo(1600);
    assertThat(endpoint.address()).isEqualTo(0x3F);
    assertThat(endpoint.registerIds()).containsExactly(60, 68, 60);
    assertThat(endpoint.getConfiguration().isAllowWrites()).isFalse();
  }

  @Test
  void durationsAndHexAddressesAreUnderstood() {
    KmpEndpoint endpoint =
        endpoint("kmp:/dev/ttyUSB1?registers=60&delay=15m&timeout=3s&destinationAddress=0x7F");
    assertThat(endpoint.getDelay()).isEqualTo(900_000L);
    assertThat(endpoint.getConfiguration().getTimeout()).isEqualTo(3000);
    assertThat(endpoint.address()).isEqualTo(0x7F);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kmp:/dev/ttyUSB2?registers=E9X | registers=E9X: unknown register 'E9X'",
        "kmp:/dev/ttyUSB2?registers=70000 | register id 70000 is out of range 0..65535",
        "kmp:/dev/ttyUSB2?registers=METER_TYPE | ambiguous",
        "kmp:/dev/ttyUSB2?baudRate=100 | baud rate 100 is out of range",
        "kmp:/dev/ttyUSB2?stopBits=3 | stop bits 3 must be 1 or 2",
        "kmp:/dev/ttyUSB2?destinationAddress=300 | destinationAddress=300 must be 0..255",
        "kmp:/dev/ttyUSB2?destinationAddress=abc | destinationAddress=abc must be 0..255",
        "kmp:/dev/ttyUSB2?retries=99 | retries 99 is out of range 0..10",
        "kmp:/dev/ttyUSB2?command=Reboot | unknown KMP command 'Reboot'",
        "kmp:/dev/ttyUSB2?password=70000 | password must be 0..65535",
        "kmp:/dev/ttyUSB2?noSuchOption=1 | noSuchOption",
        "kmp:socket://gateway?registers=60 | socket://",
        "kmp:tcp://gateway:2002?registers=60 | socket://gateway:2002"
      })
  void invalidOptionsFailAtCreationNamingTheProblem(String uri, String message) {
    assertThatThrownBy(() -> endpoint(uri))
        .isInstanceOf(ResolveEndpointFailedException.class)
        .satisfies(e -> assertThat(e.getMessage() + " / " + rootMessage(e)).contains(message));
  }

  // conflicting line settings on one port: KmpLineSettingsPerPortTest, when the route starts

  @Test
  void consumerWithoutRegistersIsRejected() {
    KmpEndpoint endpoint = endpoint("kmp:/dev/ttyUSB4");
    assertThatThrownBy(() -> endpoint.createConsumer(exchange -> {}))
        .hasMessageContaining("needs registers");
  }

  @Test
  void passwordIsSecretInTheUri() {
    KmpEndpoint endpoint = endpoint("kmp:/dev/ttyUSB5?registers=60&password=4711");
    assertThat(endpoint.toString()).doesNotContain("4711");
  }
}
