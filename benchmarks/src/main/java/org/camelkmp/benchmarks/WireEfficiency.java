package org.camelkmp.benchmarks;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.camelkmp.benchmarks.Report.Row;
import org.camelkmp.benchmarks.Report.Verdict;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.client.RegisterReading;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.transport.TcpTransport;

/**
 * Figure 1, wire efficiency: requests and bytes on the wire per poll of 1, 8, 16 and 40 registers,
 * through the bare client and through the Camel consumer, against the protocol's minimum (⌈n/8⌉
 * requests and the stuffed bytes of those requests and of the meter's exact answers).
 *
 * <p>Both readers talk to a frozen simulated meter through a {@link ByteCountingRelay}, which
 * counts every byte each way; the client's count from its {@link WireCounter} (an {@code
 * ExchangeListener}) must agree with the relay's.
 */
public final class WireEfficiency {
  static final int[] SIZES = {1, 8, 16, 40};

  private WireEfficiency() {}

  /** Measures and adds rows 1.1 to 1.4. */
  public static void run(Report report) throws Exception {
    SimulatedMeter meter = Meters.frozen();
    try (MeterSimulator simulator = MeterSimulator.builder().meter(meter).tcpPort(0).start();
        ByteCountingRelay relay = new ByteCountingRelay(simulator.tcpPort())) {
      String[] uris = new String[SIZES.length];
      for (int i = 0; i < SIZES.length; i++) {
        uris[i] =
            "kmp:socket://127.0.0.1:"
                + relay.port()
                + "?registers="
                + Meters.option(Meters.registers(SIZES[i]));
      }
      WireCounter counter = new WireCounter();
      try (ManualPolls camel = new ManualPolls(uris);
          KmpClient client =
              new KmpClient(
                  new TcpTransport("127.0.0.1", relay.port(), 5_000),
                  ClientOptions.defaults(),
                  counter,
                  Clock.systemUTC())) {
        client.transport().open();
        for (int i = 0; i < SIZES.length; i++) {
          List<Integer> ids = Meters.registers(SIZES[i]);
          WireMinimum min = WireMinimum.of(meter, ids);

          counter.reset();
          long before = relay.bytesToMeter() + relay.bytesFromMeter();
          RegisterReading reading = client.readRegisters(ids);
          long clientRelayBytes = relay.bytesToMeter() + relay.bytesFromMeter() - before;

          before = relay.bytesToMeter() + relay.bytesFromMeter();
          ManualPolls.Completion polled = camel.poll("r" + i);
          long camelBytes = relay.bytesToMeter() + relay.bytesFromMeter() - before;

          if (clientRelayBytes != counter.bytes()) {
            report.note(
                String.format(
                    Locale.ROOT,
                    "1.%d: the client's listener counted %d bytes but the relay %d",
                    i + 1,
                    counter.bytes(),
                    clientRelayBytes));
          }
          boolean minimal =
              counter.requests() == min.requests()
                  && counter.bytes() == min.bytes()
                  && polled.requestCount() == min.requests()
                  && camelBytes == min.bytes();
          double ratio = Math.max(counter.bytes(), camelBytes) / (double) min.bytes();
          report.add(
              new Row(
                  "1." + (i + 1),
                  String.format(
                      Locale.ROOT,
                      "wire per poll, %d register%s (%d on the meter): requests · bytes,"
                          + " client / Camel consumer",
                      ids.size(),
                      ids.size() == 1 ? "" : "s",
                      reading.values().size()),
                  String.format(
                      Locale.ROOT,
                      "%d · %d B / %d · %d B",
                      counter.requests(),
                      counter.bytes(),
                      polled.requestCount(),
                      camelBytes),
                  String.format(
                      Locale.ROOT,
                      "%d · %d B (%d B requests + %d B answers, stuffed)",
                      min.requests(),
                      min.bytes(),
                      min.requestBytes(),
                      min.responseBytes()),
                  Report.ratio(ratio),
                  minimal ? Verdict.PASS : Verdict.MISS));
        }
      }
    }
  }
}
