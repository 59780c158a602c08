package org.camelkmp.component.kmp.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.KmpComponent;
import org.camelkmp.component.kmp.KmpConnection;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.component.kmp.KmpRegisterReading;
import org.camelkmp.kmp.client.ExchangeListener;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.simulator.Fault;
import org.camelkmp.kmp.simulator.FaultPlan;
import org.camelkmp.kmp.simulator.LineTiming;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.SerialMeterServer;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.testsupport.SocatPtyPair;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.SerialTransport;

/**
 * A consumer polls a simulated meter through real parts while faults come and go; the subclasses
 * say what lies between (a socat pty pair only, or ser2net as well). The meter serves one end of a
 * socat pty pair through a {@link MeterAnswerLog}, on a clock that ticks with every read, so each
 * answer is unique.
 *
 * <p>For each fault, first once (one request: with retries on, the poll must still deliver and
 * nothing must fail), then as an outage (until cleared): the failed poll's error type and message
 * say which fault it was, the consumer's health check goes DOWN with them, and after the fault is
 * cleared polling resumes by itself and health goes UP. At the end: every reading delivered is an
 * answer the meter gave, none is delivered twice, and every answer the meter gave whole to a
 * request that no fault spoilt was delivered, or named late by the reader (a path that held it past
 * the timeout): none is lost without a word.
 *
 * <p>Which exchange a fault hits is decided by the test, not by the clock: every fault, the path's
 * too, is injected through the meter's fault plan and strikes when the next request reaches the
 * meter (a gateway is stopped, a head unplugged, a cable cut in the answer from there). The plan
 * numbers the requests and records the ones its faults hit, and the tap numbers each answer, so the
 * books know exactly which answers are owed. Only the end of an outage is a time (the device is
 * plugged back, the gateway started): nothing can be in transit while the path is down. The timeout
 * leaves the path more than half a second for an answer, so that a busy machine does not change
 * which failure a fault is named by.
 */
abstract class FaultRecoveryTestBase extends CamelTestSupport {
  static final long TIMEOUT_MILLIS = 600;
  static final long QUIET_MILLIS = 800;

  /**
   * How late the meter answers in the late-answer fault: well past the reader's deadline (the
   * request's 13 bytes at 1200 baud, 119 ms, plus the timeout), and well within the quiet time the
   * reader then listens for it, so the reader names it late however the path and the machine delay
   * it.
   */
  static final Duration LATE = Duration.ofMillis(900);

  protected SocatPtyPair ptys;
  protected SimulatedMeter meter;
  protected MeterAnswerLog tap;
  private SerialMeterServer server;

  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final List<Exception> failedPolls = new CopyOnWriteArrayList<>();
  private final List<String> figures = new ArrayList<>();
  private final AtomicInteger injected = new AtomicInteger();

  /**
   * A fault: the faults it plans for a single request ({@link #once}; empty when it has no
   * single-request form), how to bring it on until cleared and off, and what the user must be told.
   */
  record Scenario(
      String name,
      List<Fault> once,
      Runnable inject,
      Runnable clear,
      Class<? extends KmpException> type,
      String message) {}

  /** The kmp port the consumer uses. */
  abstract String port();

  /** Starts what lies between the reader and the meter's pty. */
  abstract void startPath();

  /** Stops it. */
  abstract void stopPath();

  /** Name for the figures. */
  abstract String pathName();

  @Override
  protected void doPreSetup() {
    ptys = SocatPtyPair.start();
    meter =
        new SimulatedMeter(
            MeterConfig.builder().variation(0).hourlyLog(1, 0).dailyLog(1, 0).build(),
            new TickingClock(Instant.parse("2026-03-01T06:00:00Z")));
    tap =
        new MeterAnswerLog(
            new SerialTransport(ptys.pathB(), LineSettings.KMP_DEFAULT), meter.faults());
    server = new SerialMeterServer(meter, tap, LineTiming.immediate()).start();
    startPath();
  }

  @Override
  protected void doPostSetup() {
    // the first poll waits a second: the reader's side is heard from its first request on
    connection().addExchangeListener(readerSide);
  }

  @Override
  protected void doPostTearDown() {
    stopPath();
    if (server != null) {
      server.close();
    }
    if (ptys != null) {
      ptys.close();
    }
  }

  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext camel = super.createCamelContext();
    HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
    registry.register(registry.resolveById("consumers"));
    camel
        .getRegistry()
        .bind(
            "failedPolls",
            (ExceptionHandler)
                new ExceptionHandler() {
                  @Override
                  public void handleException(Throwable exception) {
                    handleException(null, null, exception);
                  }

                  @Override
                  public void handleException(String message, Throwable exception) {
                    handleException(message, null, exception);
                  }

                  @Override
                  public void handleException(
                      String message, Exchange exchange, Throwable exception) {
                    failedPolls.add(
                        exception instanceof Exception e ? e : new RuntimeException(exception));
                  }
                });
    return camel;
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("kmp:"
                + port()
                + "?registers=E1,CLOCK,DATE&initialDelay=1000&delay=50&retries=1"
                + "&timeout="
                + TIMEOUT_MILLIS
                + "&interByteTimeout=200&quietTime="
                + QUIET_MILLIS
                + "&exceptionHandler=#failedPolls")
            .routeId("meter")
            .process(
                exchange -> {
                  KmpReading reading = exchange.getMessage().getBody(KmpReading.class);
                  delivered.add(key(reading));
                });
      }
    };
  }

  /** The answers the reader named late and dropped: whole frames the client told of. */
  private final List<String> namedLate = new CopyOnWriteArrayList<>();

  private final ExchangeListener readerSide =
      new ExchangeListener() {
        @Override
        public void lateAnswerDropped(int attempt, byte[] frame) {
          try {
            if (FrameCodec.decode(frame).message() instanceof GetRegisterResponse response) {
              MeterAnswerLog.key(response.values()).ifPresent(namedLate::add);
            }
          } catch (KmpException e) {
            // not an answer the meter gave whole
          }
        }
      };

  private static String key(KmpReading reading) {
    String date = null;
    String clock = null;
    for (KmpRegisterReading register : reading.getRegisters()) {
      if (register.id() == 1003) {
        date = register.value().toPlainString();
      } else if (register.id() == 1002) {
        clock = register.value().toPlainString();
      }
    }
    return date + " " + clock;
  }

  /** The in-band faults the meter, its head or its line make; every path must survive them. */
  List<Scenario> lineFaults() {
    return List.of(
        meterFault(
            "meter silent",
            "port silent",
            org.camelkmp.kmp.error.KmpPortSilentException.class,
            Fault.noAnswer()),
        meterFault(
            "only the echo comes back",
            "only the echo of our own request came back",
            org.camelkmp.kmp.error.KmpNoAnswerException.class,
            Fault.echo(),
            Fault.noAnswer()),
        meterFault(
            "answer after the timeout",
            "answer too late",
            org.camelkmp.kmp.error.KmpLateAnswerException.class,
            Fault.delay(LATE)),
        meterFault(
            "answer with a corrupted CRC",
            "CRC mismatch",
            org.camelkmp.kmp.error.KmpCrcException.class,
            Fault.corruptCrc()),
        meterFault(
            "half a frame then nothing",
            "incomplete frame",
            org.camelkmp.kmp.error.KmpIncompleteFrameException.class,
            Fault.truncate(8)),
        meterFault(
            "noise that looks like a frame, no answer",
            "frame too short",
            org.camelkmp.kmp.error.KmpFramingException.class,
            Fault.noAnswer(),
            Fault.noise((byte) 0x40, (byte) 0x12, (byte) 0x34, (byte) 0x0D)));
  }

  private Scenario meterFault(
      String name, String message, Class<? extends KmpException> type, Fault... faults) {
    return new Scenario(
        name,
        List.of(faults),
        () -> {
          for (Fault fault : faults) {
            meter.faults().injectUntilCleared(fault);
          }
        },
        () -> meter.faults().clear(),
        type,
        message);
  }

  /**
   * A fault of the path that breaks it when the next request reaches the meter: {@code breakPath}
   * runs then, and the meter's answer to that request never goes out (it would have met a broken
   * path), so the exchange it hits is known. The outage lasts until {@code restorePath} runs.
   */
  Scenario pathBreaks(
      String name,
      Runnable breakPath,
      Runnable restorePath,
      Class<? extends KmpException> type,
      String message) {
    return new Scenario(
        name,
        List.of(),
        () ->
            meter.faults().inject(Fault.noAnswer(), 1).inject(Fault.onRequest(name, breakPath), 1),
        restorePath,
        type,
        message);
  }

  /** Runs the in-band faults, benign noise, then the path's own faults, then checks the books. */
  void runAll(List<Scenario> pathFaults) throws Exception {
    awaitReadings(3);
    for (Scenario scenario : lineFaults()) {
      once(scenario);
      outage(scenario);
    }
    benignNoise();
    for (Scenario scenario : pathFaults) {
      outage(scenario);
    }
    checkTheBooks();
  }

  /** The fault hits one request only: retries hide it, the poll delivers, nothing fails. */
  void once(Scenario scenario) {
    int failedBefore = failedPolls.size();
    int before = delivered.size();
    long failuresBefore = connection().failures();
    for (Fault fault : scenario.once()) {
      meter.faults().inject(fault, 1);
    }
    injected.incrementAndGet();
    await(scenario.name() + " once: consumed and a reading delivered")
        .atMost(Duration.ofSeconds(15))
        .until(() -> meter.faults().isEmpty() && delivered.size() >= before + 2);
    assertThat(failedSince(failedBefore))
        .as("polls failed by one '%s' with retries on", scenario.name())
        .isEmpty();
    assertThat(connection().failures())
        .as("attempts that met '%s'", scenario.name())
        .isGreaterThan(failuresBefore);
    assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
    figures.add(String.format("  %-50s once: retried, reading delivered", scenario.name()));
  }

  /** The fault lasts until cleared: health DOWN naming it, then UP and polling on by itself. */
  void outage(Scenario scenario) {
    await("healthy before " + scenario.name())
        .atMost(Duration.ofSeconds(15))
        .until(() -> health().getState() == HealthCheck.State.UP);
    int failedBefore = failedPolls.size();
    long started = System.nanoTime();
    scenario.inject().run();
    injected.incrementAndGet();
    // the first failed poll turns health DOWN; the fault's own words may need one poll more (a
    // gateway says why it cannot open its device only when the reader connects again)
    try {
      awaitDownNaming(scenario, failedBefore);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      List<Exception> failed = failedSince(failedBefore);
      throw new AssertionError(
          scenario.name()
              + ": health did not go DOWN saying '"
              + scenario.message()
              + "'; the failed polls said: "
              + failed.stream().map(Throwable::getMessage).distinct().toList()
              + "; the health check said: "
              + health().getState()
              + " "
              + health().getError().map(Throwable::getMessage).orElse("(no error)")
              + " "
              + health().getDetails(),
          e);
    }
    long down = System.nanoTime();
    HealthCheck.Result result = health();
    assertDown(scenario, failedBefore, result);
    finishOutage(scenario, started, down);
  }

  private void awaitDownNaming(Scenario scenario, int failedBefore) {
    await(scenario.name() + ": health DOWN naming it")
        .atMost(Duration.ofSeconds(20))
        .failFast(
            scenario.name() + ": the failed polls name another fault",
            () ->
                assertThat(failedSince(failedBefore))
                    .as("%s: every failed poll names it", scenario.name())
                    .allSatisfy(e -> assertThat(e).isInstanceOf(scenario.type())))
        .until(
            () -> {
              HealthCheck.Result now = health();
              return now.getState() == HealthCheck.State.DOWN
                  && now.getError()
                      .map(e -> String.valueOf(e.getMessage()).contains(scenario.message()))
                      .orElse(false);
            });
  }

  private void assertDown(Scenario scenario, int failedBefore, HealthCheck.Result result) {
    Throwable error = result.getError().orElse(null);
    assertThat(error)
        .as("%s: the error the health check reports", scenario.name())
        .isInstanceOf(scenario.type())
        .hasMessageContaining(scenario.message());
    assertThat(result.getDetails())
        .containsEntry("kmp.error.type", scenario.type().getSimpleName())
        .containsKey("kmp.port");
    assertThat(failedSince(failedBefore))
        .as("%s: the failed polls: %s", scenario.name(), List.copyOf(failedPolls))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).isInstanceOf(scenario.type()));
  }

  private void finishOutage(Scenario scenario, long started, long down) {
    int before = delivered.size();
    scenario.clear().run();
    long cleared = System.nanoTime();
    await(scenario.name() + ": health UP and polling again")
        .atMost(Duration.ofSeconds(20))
        .until(() -> health().getState() == HealthCheck.State.UP && delivered.size() >= before + 2);
    long up = System.nanoTime();
    figures.add(
        String.format(
            "  %-50s outage: DOWN after %d ms with %s, UP %d ms after it cleared",
            scenario.name(),
            (down - started) / 1_000_000,
            scenario.type().getSimpleName(),
            (up - cleared) / 1_000_000));
  }

  /**
   * Noise before each answer, stray bytes (the meter's 0x00, half an echo) or bytes that look like
   * a frame: read past, no poll fails, health stays UP.
   */
  void benignNoise() {
    benignNoise(
        "stray bytes before every answer",
        Fault.noise((byte) 0x00, (byte) 0xFF, (byte) 0x80, (byte) 0x3F));
    benignNoise(
        "a frame-like burst of noise before every answer",
        Fault.noise((byte) 0x40, (byte) 0x12, (byte) 0x34, (byte) 0x0D));
  }

  private void benignNoise(String name, Fault noise) {
    int failedBefore = failedPolls.size();
    int before = delivered.size();
    meter.faults().injectUntilCleared(noise);
    injected.incrementAndGet();
    await(name + ": readings go on")
        .atMost(Duration.ofSeconds(15))
        .until(() -> delivered.size() >= before + 5);
    meter.faults().clear();
    assertThat(failedSince(failedBefore)).as(name).isEmpty();
    assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
    figures.add(String.format("  %-50s read past: no failed poll, readings delivered", name));
  }

  /**
   * Nothing lost, nothing twice, nothing invented, nothing late. The route is stopped first: a stop
   * lets the poll in flight finish, so once it returns the meter has given every answer it will.
   */
  void checkTheBooks() throws Exception {
    context.getRouteController().stopRoute("meter");
    List<MeterAnswerLog.Answer> answers = tap.answers();
    List<String> readings = List.copyOf(delivered);
    Map<Long, List<Fault>> hits = new HashMap<>();
    for (FaultPlan.Hit hit : meter.faults().hits()) {
      hits.put(hit.request(), hit.faults());
    }

    Set<String> unique = new LinkedHashSet<>(readings);
    assertThat(readings).as("readings delivered twice").hasSameSizeAs(unique);

    Set<String> everyAnswer = new HashSet<>();
    Set<String> owed = new LinkedHashSet<>();
    Set<String> late = new LinkedHashSet<>();
    int spoilt = 0;
    long slowestOwed = 0;
    for (MeterAnswerLog.Answer answer : answers) {
      everyAnswer.add(answer.key());
      List<Fault> faults = hits.getOrDefault(answer.request(), List.of());
      if (faults.stream().anyMatch(f -> f instanceof Fault.Delay)) {
        late.add(answer.key());
      } else if (faults.stream().allMatch(FaultRecoveryTestBase::isReadPast)) {
        owed.add(answer.key());
        slowestOwed = Math.max(slowestOwed, answer.afterRequestMillis());
      } else {
        spoilt++;
      }
    }
    assertThat(everyAnswer).as("readings that no answer of the meter holds").containsAll(unique);
    Set<String> owedOrLate = new HashSet<>(owed);
    owedOrLate.addAll(late);
    assertThat(owedOrLate)
        .as("readings delivered that no owed or late answer holds")
        .containsAll(unique);
    assertThat(late)
        .as("answers the meter gave too late, delivered")
        .doesNotContainAnyElementsOf(unique);
    Set<String> named = new LinkedHashSet<>(namedLate);
    assertThat(named)
        .as("answers the reader named late and dropped, delivered all the same")
        .doesNotContainAnyElementsOf(unique);
    List<String> lateUntold =
        late.stream().filter(key -> !unique.contains(key) && !named.contains(key)).toList();
    assertThat(lateUntold)
        .as("answers the meter gave too late that the reader neither delivered nor named late")
        .isEmpty();
    List<String> lost =
        owed.stream().filter(key -> !unique.contains(key) && !named.contains(key)).toList();
    assertThat(lost)
        .as(
            "answers the meter gave whole to a request no fault hit, neither delivered nor named"
                + " late by the reader%n%s",
            lossReport(answers, lost))
        .isEmpty();

    String table =
        String.format(
            "[faults] %s: %d faults injected and recovered; requests the meter saw: %d, hit by a"
                + " fault: %d; answers whole: %d (too late: %d, spoilt on the way: %d, owed: %d,"
                + " slowest owed answer %d ms after its request); readings delivered: %d (late"
                + " answers among them: %d), named late and dropped by the reader: %d (owed answers"
                + " the path delayed among them: %d), lost: %d, duplicated: %d; failed polls during"
                + " outages: %d%n%s%n",
            pathName(),
            injected.get(),
            meter.faults().requestsSeen(),
            hits.size(),
            answers.size(),
            late.size(),
            spoilt,
            owed.size(),
            slowestOwed,
            readings.size(),
            late.stream().filter(unique::contains).count(),
            named.size(),
            owed.stream().filter(named::contains).count(),
            lost.size(),
            readings.size() - unique.size(),
            failedPolls.size(),
            String.join("\n", figures));
    System.out.print(table);
    org.camelkmp.kmp.testsupport.Figures.append("fault-figures.txt", table);
  }

  /**
   * For each lost answer: when its request reached the meter and the answer left it, the meter's
   * neighbouring answers, and what the path saw around it (the reader's side, where it can be
   * seen).
   */
  private String lossReport(List<MeterAnswerLog.Answer> answers, List<String> lost) {
    StringBuilder report = new StringBuilder();
    for (MeterAnswerLog.Answer answer : answers) {
      if (!lost.contains(answer.key())) {
        continue;
      }
      long from = answer.requestNanos() - 1_500_000_000L;
      long to = answer.writtenNanos() + 1_500_000_000L;
      report.append(
          String.format(
              "answer %s to request %d: request arrived at 0 ms, answer written at %+.1f ms%n",
              answer.key(),
              answer.request(),
              (answer.writtenNanos() - answer.requestNanos()) / 1e6));
      for (MeterAnswerLog.Answer other : answers) {
        if (other.writtenNanos() >= from && other.writtenNanos() <= to) {
          report.append(
              String.format(
                  "  meter %+8.1f ms answer %s to request %d%n",
                  (other.writtenNanos() - answer.requestNanos()) / 1e6,
                  other.key(),
                  other.request()));
        }
      }
      report.append(pathTrace(answer.requestNanos(), from, to));
    }
    return report.toString();
  }

  /**
   * What the path between reader and meter saw from {@code fromNanos} to {@code toNanos}
   * (System.nanoTime), with times relative to {@code originNanos}, if it can tell.
   */
  String pathTrace(long originNanos, long fromNanos, long toNanos) {
    return "";
  }

  /** Faults a reader must read past: the answer behind them is still owed. */
  private static boolean isReadPast(Fault fault) {
    return fault instanceof Fault.Noise || fault instanceof Fault.Echo;
  }

  /** The failed polls from index {@code from} on, as a snapshot. */
  private List<Exception> failedSince(int from) {
    List<Exception> all = List.copyOf(failedPolls);
    return all.subList(Math.min(from, all.size()), all.size());
  }

  void awaitReadings(int count) {
    int before = delivered.size();
    await("readings")
        .atMost(Duration.ofSeconds(15))
        .until(() -> delivered.size() >= before + count);
  }

  HealthCheck.Result health() {
    Optional<HealthCheck.Result> result =
        HealthCheckRegistry.get(context).stream()
            .filter(check -> check.getId().contains("meter"))
            .findFirst()
            .map(HealthCheck::call);
    return result.orElseThrow(() -> new AssertionError("no health check for route meter"));
  }

  KmpConnection connection() {
    return context.getComponent("kmp", KmpComponent.class).activeConnections().get(0);
  }
}
