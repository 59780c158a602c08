package org.camelkmp.examples.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camelkmp.kmp.testsupport.FreePorts;

/**
 * A real ZooKeeper server (3.9, standalone) on a loopback port, ticking every 250 ms so that
 * sessions of one to five seconds are allowed.
 */
final class ZooKeeperServer implements AutoCloseable {
  private final int port = FreePorts.next();
  private final ServerProcess process;

  ZooKeeperServer(Path work) throws IOException {
    Path dir = Files.createDirectories(work.resolve("zookeeper"));
    Path config = dir.resolve("zoo.cfg");
    Files.writeString(
        config,
        String.join(
            "\n",
            "tickTime=250",
            "minSessionTimeout=500",
            "maxSessionTimeout=10000",
            "dataDir=" + dir.resolve("data"),
            "clientPort=" + port,
            "clientPortAddress=127.0.0.1",
            "admin.enableServer=false",
            "4lw.commands.whitelist=",
            ""));
    process =
        new ServerProcess(
            "zookeeper",
            work,
            List.of("-Dzookeeper.jmx.log4j.disable=true"),
            "org.apache.zookeeper.server.ZooKeeperServerMain",
            config.toString());
  }

  ZooKeeperServer start() throws IOException {
    process.start(port);
    return this;
  }

  String connect() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.stop();
  }
}
