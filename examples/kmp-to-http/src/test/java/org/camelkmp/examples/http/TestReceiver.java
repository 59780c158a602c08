package org.camelkmp.examples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP receiver for the tests (the JDK's server): records every request and answers as told
 * — 200, a failure status, or not at all until released.
 */
final class TestReceiver implements AutoCloseable {
  /** One request as received, with the status it was answered (0: not answered in time). */
  record Request(
      String method,
      String path,
      String key,
      String contentType,
      Set<String> headers,
      String body,
      int status) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final AtomicReference<Integer> status = new AtomicReference<>(200);
  private volatile CountDownLatch hold;

  private TestReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/readings", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** A receiver on a free port. */
  static TestReceiver start() throws IOException {
    return new TestReceiver(0);
  }

  /** A receiver on {@code port}, such as the one of a receiver that was stopped. */
  static TestReceiver start(int port) throws IOException {
    return new TestReceiver(port);
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/readings";
  }

  /** Answers every request from now on with {@code code}. */
  void answer(int code) {
    status.set(code);
  }

  /** Holds every answer from now on until {@link #release()}. */
  void holdAnswers() {
    hold = new CountDownLatch(1);
  }

  void release() {
    CountDownLatch latch = hold;
    hold = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests with this key. */
  List<Request> requests(String key) {
    return requests().stream().filter(r -> key.equals(r.key())).toList();
  }

  /** The requests answered with a 2xx status. */
  List<Request> accepted() {
    return requests().stream().filter(r -> r.status() >= 200 && r.status() < 300).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      CountDownLatch latch = hold;
      int code = status.get();
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Idempotency-Key"),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              Set.copyOf(exchange.getRequestHeaders().keySet()),
              new String(body, StandardCharsets.UTF_8),
              latch == null ? code : 0);
      synchronized (this) {
        requests.add(request);
      }
      if (latch != null) {
        try {
          latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return; // the sender gave up long ago: close without an answer
      }
      byte[] text = (code == 200 ? "stored" : "failing").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(code, text.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(text);
      }
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
