package org.camelkmp.examples.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package) driven over the DevTools protocol with the
 * JDK's own WebSocket client: open a page, evaluate script in it, collect console messages and
 * uncaught errors, take a screenshot.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> browserUrl = new CompletableFuture<>();

  private Chromium(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  stderr.add(line);
                  Matcher m = DEVTOOLS.matcher(line);
                  if (m.find()) {
                    browserUrl.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                browserUrl.completeExceptionally(e);
              }
              browserUrl.completeExceptionally(
                  new IllegalStateException("Chromium ended: " + String.join("\n", stderr)));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The Chromium executable, or a failed test when {@code CI=true} (browser tests must run there)
   * or a skipped one elsewhere.
   */
  static Path required() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      String message =
          "no Chromium found (chromium, chromium-browser or google-chrome on the PATH, or"
              + " $CHROMIUM): install Debian's chromium package (apt-get install chromium)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + "; CI=true, so the browser test fails instead of skipping");
      }
      Assumptions.abort(message + "; skipped because CI is not set");
    }
    return found.get();
  }

  static Optional<Path> find() {
    String explicit = System.getenv("CHROMIUM");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts headless Chromium with a fresh profile in {@code profile}. */
  static Chromium launch(Path executable, Path profile) throws Exception {
    List<String> command =
        List.of(
            executable.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--window-size=1280,1200",
            "--user-data-dir=" + profile,
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank");
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Chromium chromium = new Chromium(process);
    try {
      chromium.browserUrl.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      chromium.close();
      throw new IllegalStateException(
          "Chromium did not open its DevTools port: " + String.join("\n", chromium.stderr), e);
    }
    return chromium;
  }

  /** Chromium's own log lines (stderr), for failure messages. */
  List<String> stderr() {
    return List.copyOf(stderr);
  }

  /** The first tab, to drive over the DevTools protocol. */
  Page page() throws Exception {
    URI browser = URI.create(browserUrl.get());
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + browser.getHost() + ":" + browser.getPort() + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (JsonNode target : JSON.readTree(list)) {
      if (target.get("type").asText().equals("page")) {
        return new Page(http, URI.create(target.get("webSocketDebuggerUrl").asText()));
      }
    }
    throw new IllegalStateException("Chromium has no page: " + list);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** One tab: commands, their answers and the events it sends. */
  static final class Page implements WebSocket.Listener {
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    private Page(HttpClient http, URI uri) throws Exception {
      socket = http.newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
      call("Page.enable");
      call("Runtime.enable");
      call("Log.enable");
    }

    JsonNode call(String method) throws Exception {
      return call(method, Map.of());
    }

    /** Sends a command and waits for its result. */
    JsonNode call(String method, Map<String, Object> params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(id, answer);
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("id", id);
      message.put("method", method);
      message.put("params", params);
      socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
      JsonNode reply = answer.get(30, TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.get("result");
    }

    /** Opens {@code url} and waits for its load event (scripts and style sheets loaded). */
    void navigate(String url) throws Exception {
      int seen = events.size();
      JsonNode result = call("Page.navigate", Map.of("url", url));
      if (result.hasNonNull("errorText")) {
        throw new IllegalStateException("cannot open " + url + ": " + result.get("errorText"));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      synchronized (events) {
        while (events.stream()
            .skip(seen)
            .noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            throw new IllegalStateException(url + " did not finish loading within 30 s");
          }
          events.wait(left);
        }
      }
    }

    /** Evaluates {@code expression} in the page and returns its value as JSON. */
    JsonNode evaluate(String expression) throws Exception {
      JsonNode result =
          call(
              "Runtime.evaluate",
              Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
      if (result.has("exceptionDetails")) {
        throw new IllegalStateException(
            "script failed: " + result.get("exceptionDetails").toString());
      }
      return result.get("result").path("value");
    }

    /** Console errors, uncaught exceptions and browser log errors (failed loads) seen so far. */
    List<String> errors() {
      List<String> errors = new ArrayList<>();
      for (JsonNode event : events) {
        String method = event.path("method").asText();
        JsonNode params = event.path("params");
        if (method.equals("Runtime.exceptionThrown")) {
          errors.add("uncaught: " + params.path("exceptionDetails"));
        } else if (method.equals("Runtime.consoleAPICalled")
            && List.of("error", "assert").contains(params.path("type").asText())) {
          errors.add("console." + params.path("type").asText() + ": " + params.path("args"));
        } else if (method.equals("Log.entryAdded")
            && params.path("entry").path("level").asText().equals("error")) {
          errors.add(
              "log: "
                  + params.path("entry").path("text").asText()
                  + " "
                  + params.path("entry").path("url").asText());
        }
      }
      return errors;
    }

    /** A PNG of the whole page. */
    void screenshot(Path file) throws Exception {
      JsonNode shot =
          call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
              answer.complete(message);
            }
          } else {
            synchronized (events) {
              events.add(message);
              events.notifyAll();
            }
          }
        } catch (IOException e) {
          events.add(JSON.createObjectNode().put("method", "unparsable").put("text", text));
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
