package org.camelkmp.kmp.client;

import org.camelkmp.kmp.simulator.LineTiming;
import org.camelkmp.kmp.simulator.SerialMeterServer;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.SerialTransport;

/** The client contract over a real tty: a socat pty pair, opened through jSerialComm both ends. */
class ClientOverSerialPtyTest extends ClientAgainstSimulatorContract {
  private SocatPtyPair pty;
  private SerialMeterServer server;

  @Override
  protected KmpClient connect(SimulatedMeter meter, ClientOptions options) {
    pty = SocatPtyPair.start();
    server = new SerialMeterServer(meter, pty.pathA(), LineTiming.immediate()).start();
    return new KmpClient(new SerialTransport(pty.pathB(), LineSettings.KMP_DEFAULT), options);
  }

  @Override
  protected void disconnect() {
    server.close();
    pty.close();
  }
}
