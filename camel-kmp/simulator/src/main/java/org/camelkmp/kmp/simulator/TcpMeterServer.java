package org.camelkmp.kmp.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.transport.TcpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link SimulatedMeter} over TCP the way ser2net exposes a real one in raw mode: a client
 * connects and exchanges KMP frames as on the serial line ({@code socket://host:port}).
 *
 * <p>Several clients are served at once, each connection with its own frame receiver and thread;
 * they share the one meter. A client that disconnects or sends garbage affects only its own
 * connection. Port 0 binds an ephemeral port, see {@link #port()}. By default it listens on the
 * loopback interface only; pass another bind address to expose the simulator. {@link #stop()}
 * closes the listening socket and every connection and ends all threads; the server can be started
 * again.
 */
public final class TcpMeterServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpMeterServer.class);
  private static final long ACCEPT_RETRY_NANOS = 10_000_000;

  private final SimulatedMeter meter;
  private final InetAddress bindAddress;
  private final int requestedPort;
  private final LineTiming timing;
  private final Set<MeterSession> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private ServerSocket serverSocket;
  private ExecutorService connections;
  private Thread acceptor;

  /** A server on the loopback interface answering at full speed. */
  public TcpMeterServer(SimulatedMeter meter, int port) {
    this(meter, InetAddress.getLoopbackAddress(), port, LineTiming.immediate());
  }

  /**
   * A server on {@code bindAddress} and {@code port} (0 for an ephemeral port) with the given line
   * timing.
   */
  public TcpMeterServer(
      SimulatedMeter meter, InetAddress bindAddress, int port, LineTiming timing) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is out of range 0..65535");
    }
    this.meter = Objects.requireNonNull(meter, "meter");
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.requestedPort = port;
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /**
   * Binds and starts accepting clients; does nothing when already running.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public synchronized TcpMeterServer start() {
    if (serverSocket != null) {
      return this;
    }
    ServerSocket socket;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(bindAddress, requestedPort));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + bindAddress.getHostAddress() + ":" + requestedPort + ": " + e, e);
    }
    String prefix = "kmp-sim-tcp-" + socket.getLocalPort() + "-";
    AtomicInteger count = new AtomicInteger();
    connections =
        Executors.newCachedThreadPool(r -> daemon(r, prefix + "conn-" + count.incrementAndGet()));
    serverSocket = socket;
    ExecutorService pool = connections;
    acceptor = daemon(() -> accept(socket, pool), prefix + "accept");
    acceptor.start();
    LOG.info(
        "simulated meter 0x{} listening on {}:{}",
        Integer.toHexString(meter.address()),
        bindAddress.getHostAddress(),
        socket.getLocalPort());
    return this;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void accept(ServerSocket socket, ExecutorService pool) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        // closed by stop(), which ends the loop, or a failed accept: pause, then carry on
        LockSupport.parkNanos(ACCEPT_RETRY_NANOS);
        continue;
      }
      serve(client, pool);
    }
  }

  private void serve(Socket client, ExecutorService pool) {
    MeterSession session;
    try {
      session = new MeterSession(meter, new TcpTransport(client), timing);
    } catch (KmpException e) {
      closeQuietly(client);
      return;
    }
    LOG.debug("client {} connected", session.name());
    sessions.add(session);
    mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    try {
      pool.execute(
          () -> {
            try {
              session.run();
            } finally {
              closed(session);
            }
          });
    } catch (RejectedExecutionException e) {
      closed(session);
      session.stop();
    }
  }

  private void closed(MeterSession session) {
    if (sessions.remove(session)) {
      open.decrementAndGet();
    }
  }

  /**
   * The port the server listens on, the ephemeral one when started with port 0.
   *
   * @throws IllegalStateException when not running
   */
  public synchronized int port() {
    if (serverSocket == null) {
      throw new IllegalStateException("the server is not running");
    }
    return serverSocket.getLocalPort();
  }

  /** Whether it is listening. */
  public synchronized boolean isRunning() {
    return serverSocket != null;
  }

  /** Connections being served now. */
  public int connectionCount() {
    return sessions.size();
  }

  /**
   * The most connections served at the same time since the server was made (a high-water mark, kept
   * across {@link #stop()} and {@link #start()}): a fleet's test asserts that no two readers ever
   * held a session to one meter at once, as ser2net's {@code max-connections: 1} would refuse.
   */
  public int maxConnectionCount() {
    return mostOpen.get();
  }

  /** The meter served. */
  public SimulatedMeter meter() {
    return meter;
  }

  /**
   * Stops listening, closes every connection and waits for the threads to end; does nothing when
   * not running.
   */
  public synchronized void stop() {
    if (serverSocket == null) {
      return;
    }
    try {
      serverSocket.close();
    } catch (IOException e) {
      // closing anyway
    }
    serverSocket = null;
    join(acceptor);
    sessions.forEach(MeterSession::stop);
    connections.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sessions.forEach(this::closed);
  }

  private static void join(Thread thread) {
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // dropping it anyway
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "TcpMeterServer[" + bindAddress.getHostAddress() + ":" + requestedPort + "]";
  }
}
