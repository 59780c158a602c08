package org.camelkmp.component.kmp.faults;

import java.util.List;
import org.camelkmp.kmp.error.KmpTransportException;
import org.junit.jupiter.api.Test;

/**
 * Faults with the reader straight on a tty: one end of a socat pty pair, the simulated meter on the
 * other. Beyond the meter's and the line's faults, the cable is unplugged (socat stopped, the ptys
 * vanish) and plugged back (socat started again on the same links).
 */
class FaultsThroughSocatPtyTest extends FaultRecoveryTestBase {

  @Override
  String port() {
    return ptys.pathA();
  }

  @Override
  void startPath() {}

  @Override
  void stopPath() {}

  @Override
  String pathName() {
    return "socat pty pair";
  }

  @Test
  void everyFaultIsNamedReportedAndRecoveredWithNoReadingLostOrDuplicated() throws Exception {
    runAll(
        List.of(
            pathBreaks(
                "pty closed and re-created (head unplugged, plugged back)",
                ptys::kill,
                ptys::restart,
                KmpTransportException.class,
                "is the head")));
  }
}
