package org.camelkmp.kmp.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TCP ports for a program that binds them itself, later: what tests pass as the examples' {@code
 * kmp.simulator.port} or {@code camel.server.port}, or as ser2net's listening port.
 *
 * <p>A port the kernel hands out ({@code new ServerSocket(0)}) comes from the ephemeral range,
 * where the kernel also takes the local ports of outgoing connections: between the probe and the
 * application's bind another connection can take it. The ports here come from below that range
 * (21000–32000, where the kernel never allocates), nothing listens on them when they are handed
 * out, and no port is handed out twice in one JVM.
 */
public final class FreePorts {
  private static final int FIRST = 21_000;
  private static final int LAST = 32_000;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** A port no one listens on now, on any address, not handed out before in this JVM. */
  public static synchronized int next() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free TCP port between " + FIRST + " and " + LAST);
  }

  private static boolean bindable(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
