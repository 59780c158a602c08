package org.camelkmp.component.kmp.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelkmp.component.kmp.KmpComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid URIs and options fail when the endpoint is created, with a message that names the option
 * (or the part of the URI) and what is wrong with it: the cases KmpEndpointConfigurationTest does
 * not cover.
 */
class InvalidEndpointInputTest {
  private final CamelContext context = new DefaultCamelContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      all.append(e.getMessage()).append(" / ");
    }
    return all.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kmp:?registers=60 | needs a port",
        "kmp:/dev/ttyUSB7?timeout=0 | timeout must be more than zero",
        "kmp:/dev/ttyUSB7?timeout=-5 | timeout must be more than zero",
        "kmp:/dev/ttyUSB7?interByteTimeout=0 | inter-byte timeout must be more than zero",
        "kmp:/dev/ttyUSB7?quietTime=-1 | quiet time must be zero or more",
        "kmp:/dev/ttyUSB7?timeout=soon | timeout",
        "kmp:/dev/ttyUSB7?delay=soon | delay",
        "kmp:/dev/ttyUSB7?dataBits=9 | data bits",
        "kmp:/dev/ttyUSB7?parity=SOMETIMES | SOMETIMES",
        "kmp:/dev/ttyUSB7?baudRate=fast | baudRate",
        "kmp:/dev/ttyUSB7?retries=-1 | retries -1 is out of range 0..10",
        "kmp:/dev/ttyUSB7?registers=60;68 | registers=60;68",
        "kmp:/dev/ttyUSB7?destinationAddress=0x100 | destinationAddress=0x100 must be 0..255",
        "kmp:/dev/ttyUSB7?destinationAddress=-1 | destinationAddress=-1 must be 0..255",
        "kmp:/dev/ttyUSB7?password=-1 | password must be 0..65535",
        "kmp:/dev/ttyUSB7?command= | unknown KMP command",
        "kmp:socket://gw:0?registers=60 | port 0 is out of range 1..65535",
        "kmp:socket://gw:99999?registers=60 | port 99999 is out of range 1..65535",
        "kmp:socket://gw:port?registers=60 | port 'port' is not a number",
        "kmp:socket://[::1?registers=60 | lacks its closing ']'",
        "kmp:socket://gw:2002/meter?registers=60 | without path",
        "kmp:gw:2002?registers=60 | write socket://gw:2002",
        "kmp:serial:/dev/ttyUSB0?registers=60 | unsupported device"
      })
  void invalidInputIsRejectedNamingTheProblem(String uri, String expected) {
    assertThatThrownBy(() -> context.getEndpoint(uri))
        .satisfies(e -> assertThat(messages(e)).contains(expected));
  }

  @Test
  void aComponentWithoutPollThreadsIsRejected() {
    assertThatThrownBy(() -> new KmpComponent().setPollThreads(0))
        .hasMessageContaining("pollThreads=0 must be at least 1");
  }
}
