package org.camelkmp.kmp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.error.KmpTransportException;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoRequest;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.transport.TcpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ser2net-like TCP server over real sockets. */
class TcpMeterServerTest {
  private static final long TIMEOUT = 2_000;

  private final SimulatedMeter meter =
      new SimulatedMeter(
          MeterConfig.builder().hourlyLog(1, 0).dailyLog(1, 0).build(), MutableClock.standard());
  private final TcpMeterServer server = new TcpMeterServer(meter, 0).start();
  private final List<LineClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(LineClient::close);
    server.close();
  }

  private LineClient connect() {
    return connect(server);
  }

  private LineClient connect(TcpMeterServer s) {
    LineClient client = new LineClient(new TcpTransport("127.0.0.1", s.port(), 2_000));
    clients.add(client);
    return client;
  }

  @Test
  void servesOnAnEphemeralPort() {
    LineClient client = connect();

    KmpResponse answer = client.ask(new GetTypeRequest(), TIMEOUT).orElseThrow();

    assertThat(server.port()).isPositive();
    assertThat(server.isRunning()).isTrue();
    assertThat(((GetTypeResponse) answer).meterType()).isEqualTo(0x0403);
    assertThat(server.meter()).isSameAs(meter);
  }

  @Test
  void keepsTheMostConnectionsEverOpenAtOnce() {
    LineClient first = connect();
    first.ask(new GetTypeRequest(), TIMEOUT).orElseThrow();
    first.close();
    await().atMost(Duration.ofSeconds(2)).until(() -> server.connectionCount() == 0);
    LineClient second = connect();
    second.ask(new GetTypeRequest(), TIMEOUT).orElseThrow();

    assertThat(server.maxConnectionCount()).as("one after the other").isEqualTo(1);

    LineClient third = connect();
    third.ask(new GetTypeRequest(), TIMEOUT).orElseThrow();
    second.close();
    third.close();
    await().atMost(Duration.ofSeconds(2)).until(() -> server.connectionCount() == 0);

    assertThat(server.maxConnectionCount()).as("two at once, then none").isEqualTo(2);
  }

  @Test
  void servesTwoClientsAtOnceEachWithItsOwnFrameReceiver() throws Exception {
    LineClient a = connect();
    LineClient b = connect();
    byte[] request = Wire.request(new GetSerialNoRequest());

    a.send(java.util.Arrays.copyOf(request, 3));
    KmpResponse toB = b.ask(new GetTypeRequest(), TIMEOUT).orElseThrow();
    a.send(java.util.Arrays.copyOfRange(request, 3, request.length));
    KmpResponse toA = a.receive(TIMEOUT).map(Wire::response).orElseThrow();

    assertThat(toB).isInstanceOf(GetTypeResponse.class);
    assertThat(((GetSerialNoResponse) toA).serialNumber()).isEqualTo(72_345_678L);
    await().atMost(Duration.ofSeconds(2)).until(() -> server.connectionCount() == 2);

    List<CompletableFuture<Integer>> loops = new ArrayList<>();
    for (LineClient client : List.of(a, b)) {
      loops.add(
          CompletableFuture.supplyAsync(
              () -> {
                int answered = 0;
                for (int i = 0; i < 25; i++) {
                  GetRegisterResponse r =
                      (GetRegisterResponse)
                          client.ask(GetRegisterRequest.of(60, 80), TIMEOUT).orElseThrow();
                  answered += r.values().size() == 2 ? 1 : 0;
                }
                return answered;
              }));
    }
    for (CompletableFuture<Integer> loop : loops) {
      assertThat(loop.get(10, TimeUnit.SECONDS)).isEqualTo(25);
    }
  }

  @Test
  void garbageThenAValidRequestIsStillAnswered() {
    LineClient client = connect();
    byte[] overlong = new byte[5000];
    java.util.Arrays.fill(overlong, (byte) 0x01);
    overlong[0] = (byte) 0x80;

    client.send(new byte[] {0x00, 0x55, (byte) 0xFF, 0x0D, 0x06, 0x1B});
    client.send(Wire.hex("803F1002000155A10D")); // a bad CRC
    client.send(Wire.hex("803F1B000D")); // a framing error
    client.send(overlong); // longer than any frame
    client.send(new byte[] {(byte) 0x80, 0x3F}); // an unfinished frame
    KmpResponse answer = client.ask(new GetTypeRequest(), TIMEOUT).orElseThrow();

    assertThat(answer).isInstanceOf(GetTypeResponse.class);
    assertThat(client.bytesRead()).as("nothing was answered to the garbage").isEqualTo(11);
  }

  @Test
  void aClientThatDisconnectsDoesNotKillTheServer() {
    LineClient leaving = connect();
    leaving.send(new byte[] {(byte) 0x80, 0x3F});
    await().atMost(Duration.ofSeconds(2)).until(() -> server.connectionCount() == 1);
    leaving.close();

    await().atMost(Duration.ofSeconds(2)).until(() -> server.connectionCount() == 0);
    KmpResponse answer = connect().ask(new GetTypeRequest(), TIMEOUT).orElseThrow();

    assertThat(answer).isInstanceOf(GetTypeResponse.class);
  }

  @Test
  void aClientThatLeavesWhileTheMeterThinksDoesNotKillTheServer() {
    meter.faults().inject(Fault.delay(Duration.ofMillis(200)), 1);
    LineClient leaving = connect();
    leaving.send(Wire.request(new GetTypeRequest()));
    leaving.close();

    await().atMost(Duration.ofSeconds(3)).until(() -> server.connectionCount() == 0);

    assertThat(connect().ask(new GetTypeRequest(), TIMEOUT)).isPresent();
  }

  @Test
  void stopClosesConnectionsFreesThePortAndEndsTheThreads() throws IOException {
    LineClient client = connect();
    assertThat(client.ask(new GetTypeRequest(), TIMEOUT)).isPresent();
    int port = server.port();

    server.stop();

    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.receive(TIMEOUT)).isInstanceOf(KmpTransportException.class);
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(again.isBound()).isTrue();
    }
    // a pool thread whose task has ended may take a moment more to leave the JVM's thread list
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(Thread.getAllStackTraces().keySet())
                    .extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith(threadPrefix(port))));
    server.stop();
  }

  private String threadPrefix(int port) {
    return "kmp-sim-tcp-" + port + "-";
  }

  @Test
  void canBeStartedAgainAfterStop() {
    server.stop();
    server.start();
    server.start();

    assertThat(connect().ask(new GetTypeRequest(), TIMEOUT)).isPresent();
  }

  @Test
  void aTakenPortIsAnError() {
    TcpMeterServer second =
        new TcpMeterServer(
            meter, InetAddress.getLoopbackAddress(), server.port(), LineTiming.immediate());

    assertThatThrownBy(second::start)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(String.valueOf(server.port()));
    assertThat(second.isRunning()).isFalse();
    assertThatThrownBy(() -> new TcpMeterServer(meter, 70_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void faultsShowOnTheWire() {
    LineClient client = connect();
    byte[] request = Wire.request(new GetTypeRequest());
    meter.faults().inject(Fault.echo(), 1).inject(Fault.noise((byte) 0), 1);

    byte[] answer = client.receiveAfter(request, TIMEOUT);

    assertThat(Wire.response(answer)).isInstanceOf(GetTypeResponse.class);
    assertThat(client.bytesRead()).isEqualTo(request.length + 1 + answer.length);
  }

  @Test
  void aDelayedAnswerComesLate() {
    LineClient client = connect();
    meter.faults().inject(Fault.delay(Duration.ofMillis(150)), 1);
    long start = System.nanoTime();

    assertThat(client.ask(new GetTypeRequest(), TIMEOUT)).isPresent();

    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(150_000_000L);
  }

  @Test
  void aSilentMeterSendsNothing() {
    LineClient client = connect();
    meter.faults().inject(Fault.noAnswer(), 1);

    assertThat(client.ask(new GetTypeRequest(), 300)).isEmpty();
    assertThat(client.ask(new GetTypeRequest(), TIMEOUT)).isPresent();
  }

  @Test
  void thinkTimePassesBeforeEachAnswer() {
    try (TcpMeterServer thinking =
        new TcpMeterServer(
                meter,
                InetAddress.getLoopbackAddress(),
                0,
                LineTiming.immediate().withThinkTime(Duration.ofMillis(120)))
            .start()) {
      LineClient client = connect(thinking);
      long start = System.nanoTime();

      assertThat(client.ask(new GetTypeRequest(), TIMEOUT)).isPresent();

      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(120_000_000L);
    }
  }
}
