package org.camelkmp.component.kmp.faults;

import java.util.List;
import org.camelkmp.kmp.error.KmpTransportException;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.testsupport.CableCutter;
import org.camelkmp.kmp.testsupport.Ser2netGateway;
import org.junit.jupiter.api.Test;

/**
 * Faults through a real ser2net: reader → TCP → (a relay that can cut the cable) → ser2net → socat
 * pty pair → simulated meter. Beyond the meter's and the line's faults: ser2net restarted during
 * polling, the TCP connection dropped in the middle of an answer, and the gateway's serial device
 * unplugged and plugged back, each struck when a chosen request reaches the meter.
 */
class FaultsThroughSer2netTest extends FaultRecoveryTestBase {
  private Ser2netGateway gateway;
  private CableCutter cutter;

  @Override
  String port() {
    return cutter.uri();
  }

  @Override
  void startPath() {
    gateway = Ser2netGateway.create(ptys.pathA());
    cutter = new CableCutter(gateway.port());
  }

  @Override
  void stopPath() {
    if (cutter != null) {
      cutter.close();
    }
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  String pathTrace(long originNanos, long fromNanos, long toNanos) {
    return cutter.trace(originNanos, fromNanos, toNanos);
  }

  @Override
  String pathName() {
    return "ser2net " + gateway.port();
  }

  @Test
  void everyFaultIsNamedReportedAndRecoveredWithNoReadingLostOrDuplicated() throws Exception {
    runAll(
        List.of(
            pathBreaks(
                "ser2net restarted during polling",
                gateway::stop,
                gateway::start,
                KmpTransportException.class,
                "connection closed by gateway"),
            new Scenario(
                "TCP connection dropped mid-frame",
                List.of(),
                () ->
                    meter
                        .faults()
                        .injectUntilCleared(
                            Fault.onRequest(
                                "cut the cable in the answer", () -> cutter.cutInNextAnswer(6))),
                () -> meter.faults().clear(),
                KmpTransportException.class,
                "in the middle of the meter's answer"),
            pathBreaks(
                "gateway's pty closed and re-created",
                ptys::kill,
                ptys::restart,
                KmpTransportException.class,
                "Device open failure")));
  }
}
