package org.camelkmp.kmp.client;

import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.simulator.TcpMeterServer;
import org.camelkmp.kmp.transport.TcpTransport;

/** The client contract over TCP, as through a ser2net gateway. */
class ClientOverTcpTest extends ClientAgainstSimulatorContract {
  private TcpMeterServer server;

  @Override
  protected KmpClient connect(SimulatedMeter meter, ClientOptions options) {
    server = new TcpMeterServer(meter, 0).start();
    return new KmpClient(TcpTransport.fromUri("socket://127.0.0.1:" + server.port()), options);
  }

  @Override
  protected void disconnect() {
    server.close();
  }
}
