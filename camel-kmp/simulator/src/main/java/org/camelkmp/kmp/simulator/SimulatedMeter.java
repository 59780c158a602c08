package org.camelkmp.kmp.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.message.AckResponse;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.EventStatusResponse;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetEventStatusRequest;
import org.camelkmp.kmp.message.GetLoggerConfigRequest;
import org.camelkmp.kmp.message.GetLoggerConfigResponse;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoRequest;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.message.LogRequest;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * A simulated Kamstrup heat meter (a MULTICAL 403 unless configured otherwise) that answers KMP
 * requests by the meter's rules.
 *
 * <p><b>Registers.</b> E1 (60) and V1 (68) integrate POWER1 (80) and FLOW1 (74) over the time of
 * the injected {@link Clock}; flow, power and temperatures vary smoothly with the time of day and
 * season, deterministically, so a test with a fixed clock sees fixed values. Each register has the
 * meter's unit and a fixed number of decimals and is sent with NoB 4 (DATE_TIME 348: 7), or with as
 * many value bytes as a larger value needs (up to 255, as the NoB byte allows). The meter's own
 * clock (CLOCK 1002, DATE 1003, DATE_TIME 348, log times) is the injected clock's local time in the
 * clock's zone plus an offset that SetClock changes; the heat load keeps following the real clock.
 *
 * <p><b>Rules.</b> A frame with a bad CRC, a framing error, another address, data that do not fit
 * its CID, an unknown CID, or the response direction gets no answer; there is no NAK. GetRegister
 * leaves out registers the meter does not have (and answers with no blocks when it has none).
 * SetClock and PutRegister answer with a lone ACK; PutRegister needs the configured password and a
 * register the meter has, otherwise the meter is silent, and the written value then stays as
 * written.
 *
 * <p><b>Logs.</b> LID 1 is the hourly interval log (as on the MC601 logger), LID 2 a daily log (a
 * choice: the public documents name only LID 1); other LIDs get no answer. Both record, at every
 * full hour or midnight of the meter's clock, DATE, CLOCK, E1, E3, V1, T1, T2, FLOW1, POWER1, INFO
 * and HOUR_COUNTER as they were then. Reads follow docs/protocol.md §6 including MaxL (records that
 * would make the application-layer answer longer are dropped and INFO bit 3 is set; MaxL is taken
 * literally, 0 leaves room for no record). ES2 bit 0 is set when the interval log records; {@code
 * ClearEventStatus} clears its conditional mask only once the newest interval record has been read,
 * its unconditional mask always, and moves the marker GetLogLastPresent starts after to the newest
 * record read. History made at start counts as read. GetLoggerConfig (0xB8 05) answers for the hour
 * logger (type 5, the hourly log) and the day logger (type 4, the daily log) with the sub-command
 * and type echoed and those registers as count and ids; other logger types get no answer, as
 * unknown log ids do (the meter has no error answer).
 *
 * <p>Thread-safe: one meter can serve several connections; requests are handled one at a time.
 */
public final class SimulatedMeter {
  /** Log id of the hourly interval log. */
  public static final int HOURLY_LOG = 1;

  /** Log id of the daily log. */
  public static final int DAILY_LOG = 2;

  private final MeterConfig config;
  private final Clock clock;
  private final Instant start;
  private final HeatLoad load;
  private final FaultPlan faults = new FaultPlan();
  private final Map<Integer, RegisterValue> written = new TreeMap<>();
  private final int[] eventStatus = new int[4];
  private final MeterLog hourly;
  private final MeterLog daily;
  private Duration offset = Duration.ZERO;

  /** A meter on the system clock in the system's time zone. */
  private final java.util.concurrent.ConcurrentHashMap<Integer, Long> answers =
      new java.util.concurrent.ConcurrentHashMap<>();

  public SimulatedMeter(MeterConfig config) {
    this(config, Clock.systemDefaultZone());
  }

  /**
   * A meter whose time comes from {@code clock}: its instant drives the heat load, its zone gives
   * the meter's local time.
   */
  public SimulatedMeter(MeterConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.start = clock.instant();
    this.load =
        new HeatLoad(
            config.power().doubleValue(),
            config.flow().doubleValue(),
            config.flowTemperature().doubleValue(),
            config.variation());
    hourly = new MeterLog(HOURLY_LOG, MeterLog.Period.HOUR, config.hourlyLog().depth());
    daily = new MeterLog(DAILY_LOG, MeterLog.Period.DAY, config.dailyLog().depth());
    Moment now = now();
    hourly.start(now, config.hourlyLog().history(), this::sample);
    daily.start(now, config.dailyLog().history(), this::sample);
  }

  /** The configuration the meter was made from. */
  public MeterConfig config() {
    return config;
  }

  /** The address it answers to. */
  public int address() {
    return config.address();
  }

  /** The faults applied by {@link #exchange(byte[])}; change them at any time. */
  public FaultPlan faults() {
    return faults;
  }

  /** The meter's clock now. */
  public synchronized LocalDateTime meterTime() {
    return now().meterTime();
  }

  /** Sets the meter's clock, as SetClock does. */
  public synchronized void setClock(LocalDateTime meterTime) {
    LocalDateTime real = LocalDateTime.ofInstant(clock.instant(), clock.getZone());
    offset = Duration.between(real, meterTime.withNano(0));
    advance();
  }

  /** The ids of the registers the meter has, ascending. */
  public synchronized List<Integer> registerIds() {
    TreeSet<Integer> ids = new TreeSet<>(SimulatedRegisters.all().keySet());
    ids.addAll(config.fixedRegisters().keySet());
    ids.addAll(written.keySet());
    ids.removeAll(config.removedRegisters());
    return List.copyOf(ids);
  }

  /** A register's value now, as GetRegister would send it; empty when the meter lacks it. */
  public synchronized Optional<RegisterValue> register(int id) {
    advance();
    return value(id, readings(now()));
  }

  /** ES0..ES3 now. */
  public synchronized EventStatus eventStatus() {
    advance();
    return status();
  }

  /**
   * Answers one request by the meter's rules.
   *
   * @return the answer, or empty when the meter stays silent
   */
  public synchronized Optional<KmpResponse> handle(KmpRequest request) {
    advance();
    if (request instanceof GetTypeRequest) {
      return Optional.of(new GetTypeResponse(config.meterType(), config.revision()));
    } else if (request instanceof GetSerialNoRequest) {
      return Optional.of(new GetSerialNoResponse(config.serialNumber()));
    } else if (request instanceof GetRegisterRequest r) {
      return Optional.of(getRegisters(r.registerIds()));
    } else if (request instanceof SetClockRequest r) {
      setClock(r.dateTime());
      return Optional.of(AckResponse.INSTANCE);
    } else if (request instanceof PutRegisterRequest r) {
      return putRegister(r);
    } else if (request instanceof GetEventStatusRequest) {
      return Optional.of(new EventStatusResponse(request.cid(), status()));
    } else if (request instanceof ClearEventStatusRequest r) {
      return Optional.of(clearEventStatus(r));
    } else if (request instanceof LogRequest r) {
      return log(r.logId()).map(l -> l.read(r));
    } else if (request instanceof GetLoggerConfigRequest r) {
      return loggerConfig(r.loggerType());
    }
    return Optional.empty();
  }

  /**
   * Answers the bytes of one received physical frame (start to stop) by the meter's rules, without
   * faults.
   *
   * @return the bytes to send back, or empty when the meter stays silent
   */
  public Optional<byte[]> respond(byte[] frame) {
    DecodedFrame decoded;
    try {
      decoded = FrameCodec.decode(frame);
    } catch (KmpException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (decoded.direction() != Direction.REQUEST || decoded.address() != config.address()) {
      return Optional.empty();
    }
    return handle((KmpRequest) decoded.message())
        .map(response -> FrameCodec.encodeResponse(config.address(), response));
  }

  /**
   * What the line sends back for one received request frame: {@link #respond(byte[])} with the
   * {@link #faults()} applied (which counts the request against them).
   */
  public Reply exchange(byte[] frame) {
    Reply reply = respond(frame).map(Reply::of).orElse(Reply.SILENT);
    Reply sent = faults.apply(frame.clone(), reply);
    if (sent.answer().length > 0) {
      requestCid(frame).ifPresent(cid -> answers.merge(cid, 1L, Long::sum));
    }
    return sent;
  }

  /**
   * How many requests with command id {@code cid} the meter has sent an answer to through {@link
   * #exchange(byte[])}, faults applied: a test's count, from the meter's side, of the answers a
   * reader can have had (whether they arrived intact is the line's business).
   */
  public long answersSent(int cid) {
    return answers.getOrDefault(cid, 0L);
  }

  private static Optional<Integer> requestCid(byte[] frame) {
    try {
      DecodedFrame decoded = FrameCodec.decode(frame);
      return decoded.direction() == Direction.REQUEST && decoded.message() instanceof KmpRequest r
          ? Optional.of(r.cid())
          : Optional.empty();
    } catch (KmpException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private GetRegisterResponse getRegisters(List<Integer> ids) {
    Readings readings = readings(now());
    List<RegisterValue> values = new ArrayList<>();
    for (int id : ids) {
      value(id, readings).ifPresent(values::add);
    }
    return new GetRegisterResponse(values);
  }

  private Optional<KmpResponse> putRegister(PutRegisterRequest request) {
    int id = request.value().id();
    if (request.password() != config.password() || !registerIds().contains(id)) {
      return Optional.empty();
    }
    written.put(id, request.value());
    return Optional.of(AckResponse.INSTANCE);
  }

  private KmpResponse clearEventStatus(ClearEventStatusRequest request) {
    byte[] conditional = request.conditional().toBytes();
    byte[] unconditional = request.unconditional().toBytes();
    boolean newestRead = hourly.newestRead();
    for (int i = 0; i < eventStatus.length; i++) {
      eventStatus[i] &= ~unconditional[i] & 0xFF;
      if (newestRead) {
        eventStatus[i] &= ~conditional[i] & 0xFF;
      }
    }
    hourly.acknowledgeRead();
    daily.acknowledgeRead();
    return new EventStatusResponse(request.cid(), status());
  }

  /**
   * The configuration of the hour and day loggers, which the meter has (its LID 1 and 2 logs): the
   * logged registers it has. Other logger types get no answer, as unknown log ids do.
   */
  private Optional<KmpResponse> loggerConfig(int loggerType) {
    if (loggerType != GetLoggerConfigRequest.HOUR && loggerType != GetLoggerConfigRequest.DAY) {
      return Optional.empty();
    }
    return Optional.of(
        GetLoggerConfigResponse.ofRegisters(loggerType, List.copyOf(sample(now()).keySet())));
  }

  private Optional<MeterLog> log(int logId) {
    if (logId == HOURLY_LOG) {
      return Optional.of(hourly);
    }
    return logId == DAILY_LOG ? Optional.of(daily) : Optional.empty();
  }

  private EventStatus status() {
    return new EventStatus(eventStatus[0], eventStatus[1], eventStatus[2], eventStatus[3]);
  }

  private Moment now() {
    return new Moment(clock.instant(), clock.getZone(), offset);
  }

  private Readings readings(Moment moment) {
    return new Readings(config, load, start, moment);
  }

  /** Logs what the clocks have passed; a new interval record sets ES2 bit 0. */
  private void advance() {
    Moment now = now();
    if (hourly.advance(now, this::sample) > 0) {
      eventStatus[2] |= 0x01;
    }
    daily.advance(now, this::sample);
  }

  /** The logged registers the meter has, at a record's moment. */
  private Map<Integer, RegisterValue> sample(Moment moment) {
    Readings readings = readings(moment);
    Map<Integer, RegisterValue> values = new LinkedHashMap<>();
    for (int id : SimulatedRegisters.LOGGED) {
      value(id, readings).ifPresent(v -> values.put(id, v));
    }
    return Collections.unmodifiableMap(values);
  }

  private Optional<RegisterValue> value(int id, Readings readings) {
    if (config.removedRegisters().contains(id)) {
      return Optional.empty();
    }
    RegisterValue fixed = written.getOrDefault(id, config.fixedRegisters().get(id));
    if (fixed != null) {
      return Optional.of(fixed);
    }
    Function<Readings, RegisterValue> simulated = SimulatedRegisters.all().get(id);
    return simulated == null ? Optional.empty() : Optional.of(simulated.apply(readings));
  }
}
