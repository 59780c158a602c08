package org.camelkmp.kmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.camelkmp.kmp.error.KmpTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransportsTest {

  private static final LineSettings SETTINGS = LineSettings.KMP_DEFAULT;

  @Test
  void socketUriMakesATcpTransport() {
    Transport transport = Transports.create("socket://gw.local:2002", SETTINGS);
    assertThat(transport).isInstanceOf(TcpTransport.class);
    assertThat(transport.name()).isEqualTo("socket://gw.local:2002");
    assertThat(transport.isOpen()).isFalse();
  }

  @Test
  void lineSettingsAreNotNeededForAGateway() {
    assertThat(Transports.create("Socket://gw:2002", null)).isInstanceOf(TcpTransport.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/ttyUSB0", "COM3", "ttyUSB0", "/dev/serial/by-id/usb-FTDI_x-if00"})
  void anythingElseMakesASerialTransport(String device) {
    Transport transport = Transports.create(device, SETTINGS);
    assertThat(transport).isInstanceOf(SerialTransport.class);
    assertThat(transport.name()).isEqualTo(device);
    assertThat(((SerialTransport) transport).settings()).isEqualTo(SETTINGS);
  }

  @Test
  void serialPortNeedsLineSettings() {
    assertThatThrownBy(() -> Transports.create("/dev/ttyUSB0", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line settings");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void blankDeviceIsRejected(String device) {
    assertThatThrownBy(() -> Transports.create(device, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("device must be given");
  }

  @ParameterizedTest
  @CsvSource({
    "tcp://gw:2002, write socket://gw:2002",
    "kmp://gw:2002, write socket://gw:2002",
    "telnet://10.0.0.5:23, write socket://10.0.0.5:23",
    "gw:2002, write socket://gw:2002",
    "10.0.0.5:2002, write socket://10.0.0.5:2002",
    "socket:gw:2002, write socket://gw:2002",
    "socket:/gw:2002, write socket://gw:2002",
    "kmp:/dev/ttyUSB0, unsupported device",
    "socket://gw, has no port",
  })
  void typosAreRejectedWithTheSpellingToUse(String device, String message) {
    assertThatThrownBy(() -> Transports.create(device, SETTINGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void openConnectsToTheGateway() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Transport transport =
            Transports.open("socket://127.0.0.1:" + server.getLocalPort(), SETTINGS)) {
      assertThat(transport.isOpen()).isTrue();
    }
  }

  @Test
  void openReportsAMissingSerialPort(@TempDir Path dir) {
    String missing = dir.resolve("ttyUSB9").toString();
    assertThatThrownBy(() -> Transports.open(missing, SETTINGS))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("no such device");
  }
}
