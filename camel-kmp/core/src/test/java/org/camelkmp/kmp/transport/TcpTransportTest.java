package org.camelkmp.kmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.error.KmpTransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcpTransportTest {

  private ServerSocket server;
  private TcpTransport client;
  private TcpTransport gateway;

  @BeforeEach
  void startServer() throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    client = new TcpTransport("127.0.0.1", server.getLocalPort(), 2_000);
  }

  @AfterEach
  void stopServer() throws IOException {
    client.close();
    if (gateway != null) {
      gateway.close();
    }
    server.close();
  }

  /** Opens the client and wraps the connection the server accepts, as a simulator would. */
  private TcpTransport connect() throws IOException {
    client.open();
    Socket accepted = server.accept();
    gateway = new TcpTransport(accepted);
    return gateway;
  }

  @Test
  void nameIsTheSocketUri() {
    assertThat(client.name()).isEqualTo("socket://127.0.0.1:" + server.getLocalPort());
    assertThat(new TcpTransport("::1", 2002, 100).name()).isEqualTo("socket://[::1]:2002");
  }

  @Test
  void bytesCrossInBothDirections() throws IOException {
    TcpTransport other = connect();
    assertThat(client.isOpen()).isTrue();
    assertThat(other.isOpen()).isTrue();

    client.write(new byte[] {(byte) 0x80, 0x3F, 0x0D});
    assertThat(other.read(1_000)).isEqualTo(0x80);
    assertThat(other.read(1_000)).isEqualTo(0x3F);
    assertThat(other.read(1_000)).isEqualTo(0x0D);

    other.write(new byte[] {0x40, (byte) 0xFF});
    assertThat(client.read(1_000)).isEqualTo(0x40);
    assertThat(client.read(1_000)).isEqualTo(0xFF);
  }

  @Test
  void wrappedSocketIsNamedAfterTheRemoteAddress() throws IOException {
    TcpTransport other = connect();
    assertThat(other.name()).startsWith("127.0.0.1:").isNotEqualTo(client.name());
  }

  @Test
  void readWithNothingSentReturnsMinusOneAfterTheTimeout() throws IOException {
    connect();
    long start = System.nanoTime();
    assertThat(client.read(50)).isEqualTo(-1);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(49);
    assertThat(client.read(0)).isEqualTo(-1);
    assertThat(client.isOpen()).isTrue();
  }

  @Test
  void gatewayClosingTheConnectionMakesReadThrowAndCloses() throws IOException {
    TcpTransport other = connect();
    other.write(new byte[] {1});
    other.close();

    assertThat(client.read(1_000)).isEqualTo(1);
    assertThatThrownBy(() -> client.read(1_000))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("connection closed by gateway " + client.name());
    assertThat(client.isOpen()).isFalse();
    assertThatThrownBy(() -> client.write(new byte[] {1}))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("is not open");
  }

  @Test
  void clientClosingTheConnectionIsReportedByTheWrappedSide() throws IOException {
    TcpTransport other = connect();
    client.close();
    assertThatThrownBy(() -> other.read(1_000))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("connection closed by client " + other.name());
    assertThat(other.isOpen()).isFalse();
  }

  @Test
  void reopenConnectsAgainAndTalksToTheNewAcceptedConnection() throws IOException {
    connect().close();
    assertThatThrownBy(() -> client.read(1_000)).isInstanceOf(KmpTransportException.class);

    TcpTransport second = connect();
    assertThat(client.isOpen()).isTrue();
    client.write(new byte[] {9});
    assertThat(second.read(1_000)).isEqualTo(9);
  }

  @Test
  void wrappedSocketCannotBeReopened() throws IOException {
    TcpTransport other = connect();
    other.close();
    assertThat(other.isOpen()).isFalse();
    assertThatThrownBy(other::open)
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("cannot reopen the connection from " + other.name());
  }

  @Test
  void wrappingAnUnconnectedSocketIsRefused() {
    assertThatThrownBy(() -> new TcpTransport(new Socket()))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("not connected");
  }

  @Test
  void openTwiceKeepsTheConnection() throws IOException {
    connect();
    client.open();
    gateway.write(new byte[] {3});
    assertThat(client.read(1_000)).isEqualTo(3);
  }

  @Test
  void closeFromAnotherThreadAbortsABlockedRead() throws IOException {
    connect();
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> client.read(5_000));
    client.close();
    assertThat(read)
        .failsWithin(2, TimeUnit.SECONDS)
        .withThrowableThat()
        .withCauseInstanceOf(KmpTransportException.class);
  }

  @Test
  void discardInputDropsBytesAlreadyReceived() throws IOException {
    TcpTransport other = connect();
    other.write(new byte[] {1, 2, 3});
    assertThat(client.read(1_000)).isEqualTo(1);
    client.discardInput();
    other.write(new byte[] {9});
    assertThat(client.read(1_000)).isEqualTo(9);
  }

  @Test
  void connectingToAClosedPortNamesHostAndPort() throws IOException {
    int port = server.getLocalPort();
    server.close();
    assertThatThrownBy(client::open)
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("cannot connect to socket://127.0.0.1:" + port)
        .hasMessageContaining("connection refused");
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void readOnANeverOpenedTransportThrows() {
    assertThatThrownBy(() -> client.read(10))
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining(client.name() + " is not open");
  }

  @ParameterizedTest
  @CsvSource({
    "socket://gw:2002, socket://gw:2002",
    "SOCKET://Gw.example.com:1, socket://Gw.example.com:1",
    "' socket://10.0.0.7:65535 ', socket://10.0.0.7:65535",
    "socket://[::1]:2002, socket://[::1]:2002",
  })
  void fromUriAcceptsHostAndPort(String uri, String name) {
    assertThat(TcpTransport.fromUri(uri).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource({
    "socket://gw, has no port",
    "socket://gw:, has no port",
    "socket://[::1], has no port",
    "socket://:2002, has no host",
    "socket://gw:abc, is not a number",
    "socket://gw:0, out of range",
    "socket://gw:65536, out of range",
    "socket://gw:2002/x, without path",
    "socket://user@gw:2002, without path",
    "socket://bad host:2002, without path",
    "socket://gw!:2002, not a valid host name",
    "socket://::1:2002, in brackets",
    "socket://[::1:2002, closing ']'",
    "socket://[::1]2002, expected ':port'",
    "tcp://gw:2002, expected socket://host:port",
    "'  ', must be given",
  })
  void fromUriRejectsMalformedAddresses(String uri, String message) {
    assertThatThrownBy(() -> TcpTransport.fromUri(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void constructorRejectsBadArguments() {
    assertThatThrownBy(() -> new TcpTransport("", 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TcpTransport("gw", 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TcpTransport("gw", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connect timeout");
  }
}
