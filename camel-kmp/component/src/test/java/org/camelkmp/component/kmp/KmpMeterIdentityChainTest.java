package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.support.MeterTap;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * One route chains a consumer of meter A with producers of meters B and C (three simulated meters,
 * three serial numbers; A and B both at the heat meter's address 0x3F, C at 0xBF). Every reading is
 * labelled with the meter it was read from, in its body and its headers; a header describing one
 * reading never steers the next producer; the override header steers one producer and is gone after
 * it.
 */
class KmpMeterIdentityChainTest extends CamelTestSupport {
  private static final long SERIAL_A = 11_111_111L;
  private static final long SERIAL_B = 22_222_222L;
  private static final long SERIAL_C = 33_333_333L;
  private static final int POLLS = 2;

  /** What the route saw after one step. */
  record Seen(
      String step,
      Long bodySerial,
      int bodyAddress,
      Object headerSerial,
      Object headerAddress,
      Object override) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private MeterSimulator a;
  private MeterSimulator b;
  private MeterSimulator c;
  private MeterTap tapA;
  private MeterTap tapB;
  private MeterTap tapC;

  @Override
  protected void doPreSetup() {
    a = meter(SERIAL_A, 0x3F);
    b = meter(SERIAL_B, 0x3F);
    c = meter(SERIAL_C, 0xBF);
    tapA = new MeterTap(a.tcpPort());
    tapB = new MeterTap(b.tcpPort());
    tapC = new MeterTap(c.tcpPort());
  }

  private static MeterSimulator meter(long serial, int address) {
    return MeterSimulator.builder()
        .meter(MeterConfig.builder().serialNumber(serial).address(address).build())
        .tcpPort(0)
        .start();
  }

  @Override
  protected void doPostTearDown() {
    for (MeterTap tap : List.of(tapA, tapB, tapC)) {
      tap.close();
    }
    for (MeterSimulator meter : List.of(a, b, c)) {
      meter.close();
    }
  }

  private static String kmp(MeterTap tap, String options) {
    return "kmp:socket://127.0.0.1:"
        + tap.port()
        + "?timeout=500&quietTime=20&retries=0&"
        + options;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(kmp(
                tapA,
                "registers=E1&readSerialNumber=true&initialDelay=0&delay=10&repeatCount=" + POLLS))
            .process(e -> see("A", e))
            .to(kmp(tapB, "registers=V1&readSerialNumber=true"))
            .process(e -> see("B", e))
            .to(kmp(tapC, "registers=T1&readSerialNumber=true&destinationAddress=0xBF"))
            .process(e -> see("C", e))
            .setHeader(KmpConstants.OVERRIDE_DESTINATION_ADDRESS, constant(0xBF))
            .to(kmp(tapC, "registers=T2"))
            .process(e -> see("C by override, no serial asked", e));
      }
    };
  }

  private void see(String step, Exchange exchange) {
    Message m = exchange.getMessage();
    KmpReading reading = m.getBody(KmpReading.class);
    seen.add(
        new Seen(
            step,
            reading.getMeterSerial(),
            reading.getMeterAddress(),
            m.getHeader(KmpConstants.METER_SERIAL),
            m.getHeader(KmpConstants.DESTINATION_ADDRESS),
            m.getHeader(KmpConstants.OVERRIDE_DESTINATION_ADDRESS)));
  }

  @Test
  void everyReadingCarriesTheIdentityOfTheMeterItWasReadFrom() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(seen).hasSize(4 * POLLS));
    for (int poll = 0; poll < POLLS; poll++) {
      assertThat(seen.subList(4 * poll, 4 * poll + 4))
          .containsExactly(
              new Seen("A", SERIAL_A, 0x3F, SERIAL_A, 0x3F, null),
              new Seen("B", SERIAL_B, 0x3F, SERIAL_B, 0x3F, null),
              new Seen("C", SERIAL_C, 0xBF, SERIAL_C, 0xBF, null),
              new Seen("C by override, no serial asked", null, 0xBF, null, 0xBF, null));
    }
    assertThat(tapA.requests()).allSatisfy(r -> assertThat(r.address()).isEqualTo(0x3F));
    assertThat(tapB.requests()).allSatisfy(r -> assertThat(r.address()).isEqualTo(0x3F));
    assertThat(tapC.requests()).allSatisfy(r -> assertThat(r.address()).isEqualTo(0xBF));
    // the serial number is asked once per connection, not once per reading
    assertThat(tapB.count(CommandId.GET_SERIAL_NO)).isEqualTo(1);
    assertThat(tapC.count(CommandId.GET_SERIAL_NO)).isEqualTo(1);
  }
}
