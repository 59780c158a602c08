package org.camelkmp.kmp.client;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.camelkmp.kmp.error.KmpAckExpectedException;
import org.camelkmp.kmp.error.KmpCrcException;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.error.KmpLateAnswerException;
import org.camelkmp.kmp.error.KmpNoAnswerException;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.error.KmpTimeoutException;
import org.camelkmp.kmp.error.KmpTransportException;
import org.camelkmp.kmp.error.KmpUnexpectedAddressException;
import org.camelkmp.kmp.error.KmpUnexpectedCidException;
import org.camelkmp.kmp.frame.DataLinkLayer;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.message.AckResponse;
import org.camelkmp.kmp.message.ApplicationLayer;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.EventStatusResponse;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.FrameRedaction;
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
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.transport.Transport;
import org.camelkmp.kmp.value.RegisterValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks KMP to one meter line: one request/response transaction at a time, whatever the number of
 * threads using it.
 *
 * <p>Each transaction writes the request frame in one burst, skips everything before the answer's
 * start byte (the echo of an echoing head, stray bytes, noise), reads to the stop byte, checks CRC,
 * address and CID, and decodes. A failed attempt is retried up to {@link ClientOptions#retries()}
 * times, each after the line has been quiet for {@link ClientOptions#quietTime()}. A transport that
 * broke is reopened on the next attempt.
 *
 * <p>Every read costs meter battery, so {@link #readRegisters(Collection)} asks each distinct
 * register once, eight per request (the vendor's limit).
 */
public final class KmpClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KmpClient.class);

  private final Line line;
  private final Transport transport;
  private final ClientOptions options;
  private final ExchangeListener listener;
  private final Clock clock;

  /** What all clients on one transport share: the transaction lock and the line's quiet time. */
  private static final class Line {
    final ReentrantLock lock = new ReentrantLock(true);
    long quietUntilNanos = System.nanoTime();

    /** When the last request had left the line (System.nanoTime). */
    long requestDoneNanos;
  }

  /** A client with {@link ClientOptions#defaults()}. */
  public KmpClient(Transport transport) {
    this(transport, ClientOptions.defaults());
  }

  public KmpClient(Transport transport, ClientOptions options) {
    this(transport, options, new ExchangeListener() {}, Clock.systemUTC());
  }

  /**
   * @param listener sees every frame and failure
   * @param clock stamps readings
   */
  public KmpClient(
      Transport transport, ClientOptions options, ExchangeListener listener, Clock clock) {
    this(new Line(), transport, options, listener, clock);
  }

  private KmpClient(
      Line line,
      Transport transport,
      ClientOptions options,
      ExchangeListener listener,
      Clock clock) {
    this.line = line;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A client on the same transport with other options (address, timeouts, retries) and listener. It
   * shares this client's transaction lock and quiet time, so several users of one port (a polling
   * consumer and producers, say) never interleave frames.
   */
  public KmpClient withOptions(ClientOptions newOptions, ExchangeListener newListener) {
    return new KmpClient(line, transport, newOptions, newListener, clock);
  }

  /** The transport this client uses. */
  public Transport transport() {
    return transport;
  }

  /** The options this client uses. */
  public ClientOptions options() {
    return options;
  }

  /** Sends a request to the configured address and returns the answer (an ACK for writes). */
  public KmpResponse send(KmpRequest request) {
    return send(options.address(), request);
  }

  /**
   * Sends a request to a given address (0x7F for a logger top module, for instance).
   *
   * @throws KmpException the kind of the last failure when every attempt failed
   */
  public KmpResponse send(int address, KmpRequest request) {
    byte[] frame = FrameCodec.encodeRequest(address, request);
    line.lock.lock();
    try {
      return exchange(address, request, frame);
    } finally {
      line.lock.unlock();
    }
  }

  private KmpResponse exchange(int address, KmpRequest request, byte[] frame) {
    int attempts = options.retries() + 1;
    long exchangeStarted = System.nanoTime();
    KmpException failure = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      openIfClosed(failure);
      try {
        KmpResponse response = attempt(attempt, address, request, frame);
        if (failure != null) {
          LOG.debug(
              "{} to {} succeeded on attempt {}", request.commandName(), transport.name(), attempt);
        }
        return response;
      } catch (KmpException caught) {
        boolean willRetry = attempt < attempts;
        long quietFrom = System.nanoTime();
        KmpException e = caught;
        if (listensForLateAnswer(caught)) {
          LateListen heard = listenForLateAnswer(attempt, request, caught);
          e = heard.failure();
          quietFrom = heard.quietFromNanos();
        }
        listener.attemptFailed(attempt, e, willRetry);
        LOG.debug("attempt {} of {} failed: {}", attempt, attempts, e.getMessage());
        if (e instanceof KmpTransportException) {
          transport.close();
        }
        line.quietUntilNanos = quietFrom + options.quietTime().toNanos();
        if (failure != null) {
          e.addSuppressed(failure);
        }
        failure = e;
      }
    }
    if (attempts > 1) {
      // "port silent within 2000 ms" alone hides the retries that took 11 s
      failure.afterAttempts(attempts, Duration.ofNanos(System.nanoTime() - exchangeStarted));
    }
    throw failure;
  }

  /** What listening through the quiet time gave: the failure to report, and when quiet began. */
  private record LateListen(KmpException failure, long quietFromNanos) {}

  /** Only a timeout with nothing usable may be followed by a late answer worth telling apart. */
  private boolean listensForLateAnswer(KmpException failure) {
    return (failure instanceof KmpPortSilentException || failure instanceof KmpNoAnswerException)
        && !options.quietTime().isZero()
        && transport.isOpen();
  }

  /**
   * Spends the quiet time after a timeout listening instead of idling: when the meter's answer
   * turns up late, the failure becomes a {@link KmpLateAnswerException} that says so (and the
   * answer is dropped, not taken for the answer to a later request). The quiet time then counts
   * from the last byte heard; when nothing came, it has passed already.
   */
  private LateListen listenForLateAnswer(int attempt, KmpRequest request, KmpException failure) {
    long listenStart = System.nanoTime();
    long listenUntil = listenStart + options.quietTime().toNanos();
    long frameLimit = listenUntil + PhysicalLayer.MAX_FRAME_LENGTH * lineNanosPerByte();
    FrameReceiver receiver = new FrameReceiver(Direction.RESPONSE, request.expectsAck());
    long lastByte = -1;
    long firstByte = -1;
    try {
      while (true) {
        long now = System.nanoTime();
        if (receiver.inFrame() ? now - frameLimit > 0 : now - listenUntil >= 0) {
          break;
        }
        long waitMillis =
            receiver.inFrame()
                ? options.interByteTimeout().toMillis()
                : Math.max(1, (listenUntil - now + 999_999) / 1_000_000);
        int b = transport.read(waitMillis);
        if (b < 0) {
          if (receiver.inFrame()) {
            break;
          }
          continue;
        }
        lastByte = System.nanoTime();
        FrameReceiver.Event event;
        try {
          event = receiver.accept(b);
        } catch (KmpFramingException e) {
          continue;
        }
        if (event == FrameReceiver.Event.NONE) {
          if (firstByte < 0 && receiver.inFrame()) {
            firstByte = lastByte;
          }
          continue;
        }
        if (event == FrameReceiver.Event.FRAME) {
          listener.lateAnswerDropped(attempt, receiver.frame());
        }
        long answerStart = firstByte < 0 ? lastByte : firstByte;
        KmpLateAnswerException late =
            new KmpLateAnswerException(
                transport.name(),
                Math.max(0, (answerStart - line.requestDoneNanos) / 1_000_000),
                options.timeout().toMillis());
        late.addSuppressed(failure);
        LOG.debug("{}: late answer dropped after a timeout", transport.name());
        return new LateListen(late, lastByte);
      }
    } catch (KmpTransportException e) {
      // the port broke while listening: the next attempt reopens it
    }
    return new LateListen(failure, lastByte < 0 ? listenStart : lastByte);
  }

  private long lineNanosPerByte() {
    return options.lineSettings().nanosPerByte();
  }

  /**
   * Opens the transport when it is closed. A port that cannot be opened fails the call at once:
   * retrying cannot fix a wrong path or a missing head, and the user should hear so quickly.
   */
  private void openIfClosed(KmpException earlier) {
    if (!transport.isOpen()) {
      try {
        transport.open();
      } catch (KmpException e) {
        if (earlier != null) {
          e.addSuppressed(earlier);
        }
        throw e;
      }
    }
  }

  private KmpResponse attempt(int attempt, int address, KmpRequest request, byte[] frame) {
    waitForQuietLine();
    transport.discardInput();
    long started = System.nanoTime();
    transport.write(frame);
    listener.requestSent(attempt, frame);
    if (LOG.isDebugEnabled()) {
      LOG.debug("-> {} {}", transport.name(), FrameRedaction.hex(frame));
    }
    long wireNanos = frame.length * options.lineSettings().nanosPerByte();
    line.requestDoneNanos = started + wireNanos;
    long deadline = started + wireNanos + options.timeout().toNanos();
    ResponseReader reader =
        new ResponseReader(
            transport,
            options.interByteTimeout().toMillis(),
            PhysicalLayer.MAX_FRAME_LENGTH * options.lineSettings().nanosPerByte(),
            true);
    KmpResponse response;
    try {
      response = readAnswer(reader, deadline, address, request);
    } finally {
      byte[] trace = reader.trace();
      listener.bytesReceived(attempt, trace);
      if (LOG.isDebugEnabled()) {
        LOG.debug("<- {} {}", transport.name(), FrameRedaction.received(trace, frame));
      }
    }
    listener.responseDecoded(attempt, response, System.nanoTime() - started);
    return response;
  }

  /**
   * Reads and decodes the answer. A frame that fails its CRC or framing may be noise that only
   * looked like a frame, with the real answer right behind it: while more bytes follow within the
   * inter-byte timeout, the reader goes on to the next frame. Only when the line falls quiet is the
   * bad frame the attempt's failure.
   */
  private KmpResponse readAnswer(
      ResponseReader reader, long deadline, int address, KmpRequest request) {
    byte[] answer = reader.read(deadline, options.timeout().toMillis(), request.expectsAck());
    while (true) {
      try {
        return decode(address, request, answer);
      } catch (KmpCrcException | KmpFramingException bad) {
        long next = System.nanoTime() + options.interByteTimeout().toNanos();
        try {
          answer = reader.read(next, options.interByteTimeout().toMillis(), request.expectsAck());
        } catch (KmpTimeoutException | KmpFramingException quiet) {
          throw bad;
        }
        LOG.debug("{}: skipped a bad frame ({}); read on", transport.name(), bad.getMessage());
      }
    }
  }

  private KmpResponse decode(int address, KmpRequest request, byte[] answer) {
    if (answer.length == 1 && (answer[0] & 0xFF) == PhysicalLayer.ACK) {
      if (!request.expectsAck()) {
        throw new KmpAckExpectedException(
            "unexpected lone ACK in answer to " + request.commandName());
      }
      return AckResponse.INSTANCE;
    }
    // PhysicalLayer.decode and DataLinkLayer.decode without their copies: decoded in place
    byte[] dataLink = PhysicalLayer.unwrap(answer);
    int answerAddress = DataLinkLayer.check(dataLink);
    int cid = dataLink[1] & 0xFF;
    if (request.expectsAck()) {
      throw new KmpAckExpectedException(
          String.format(
              "%s expects a lone ACK (0x06) but the meter answered with a frame of CID 0x%02X",
              request.commandName(), cid));
    }
    if (answerAddress != address) {
      throw new KmpUnexpectedAddressException(address, answerAddress);
    }
    if (cid != request.cid()) {
      throw new KmpUnexpectedCidException(request.cid(), cid);
    }
    return ApplicationLayer.decodeResponse(dataLink, 1, dataLink.length - 3);
  }

  private void waitForQuietLine() {
    long remaining;
    while ((remaining = line.quietUntilNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(remaining);
      if (Thread.currentThread().isInterrupted()) {
        throw new KmpTransportException("interrupted while waiting for the meter's quiet time");
      }
    }
  }

  /** GetType: meter type and software revision. */
  public GetTypeResponse getType() {
    return (GetTypeResponse) send(new GetTypeRequest());
  }

  /** GetSerialNo: the meter's serial number. */
  public long getSerialNumber() {
    return ((GetSerialNoResponse) send(new GetSerialNoRequest())).serialNumber();
  }

  /**
   * Reads registers in the fewest requests: duplicates are asked once, eight ids per GetRegister.
   * Registers the meter does not have are reported in {@link RegisterReading#missing()}, not as an
   * error.
   *
   * @param registerIds any number of ids 0..65535
   * @throws IllegalArgumentException when no id is given
   */
  public RegisterReading readRegisters(Collection<Integer> registerIds) {
    List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(registerIds));
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("no registers to read");
    }
    long started = System.nanoTime();
    Map<Integer, RegisterValue> received = new LinkedHashMap<>();
    int requests = 0;
    for (int from = 0; from < distinct.size(); from += GetRegisterRequest.MAX_REGISTERS) {
      List<Integer> chunk =
          distinct.subList(
              from, Math.min(distinct.size(), from + GetRegisterRequest.MAX_REGISTERS));
      GetRegisterResponse response = (GetRegisterResponse) send(new GetRegisterRequest(chunk));
      requests++;
      for (RegisterValue value : response.values()) {
        if (chunk.contains(value.id())) {
          received.putIfAbsent(value.id(), value);
        } else {
          LOG.debug("meter sent register {} which was not asked for; ignored", value.id());
        }
      }
    }
    List<RegisterValue> values = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int id : distinct) {
      RegisterValue value = received.get(id);
      if (value != null) {
        values.add(value);
      } else {
        missing.add(id);
      }
    }
    return new RegisterReading(
        values, missing, requests, clock.instant(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Reads registers given as ids. */
  public RegisterReading readRegisters(Integer... registerIds) {
    return readRegisters(List.of(registerIds));
  }

  /** SetClock: sets the meter's clock; returns when the meter has acknowledged it. */
  public void setClock(LocalDateTime dateTime) {
    send(new SetClockRequest(dateTime));
  }

  /** PutRegister: writes one register; returns when the meter has acknowledged it. */
  public void putRegister(int password, RegisterValue value) {
    send(new PutRegisterRequest(password, value));
  }

  /** GetEventStatus: ES0..ES3. */
  public EventStatus getEventStatus() {
    return ((EventStatusResponse) send(new GetEventStatusRequest())).status();
  }

  /** ClearEventStatus: clears bits and returns the status after. */
  public EventStatus clearEventStatus(EventStatus conditional, EventStatus unconditional) {
    return ((EventStatusResponse) send(new ClearEventStatusRequest(conditional, unconditional)))
        .status();
  }

  /**
   * GetLoggerConfig (0xB8 05): how one logger of a newer meter is configured.
   *
   * @param loggerType 2 year, 3 month, 4 day, 5 hour, 6 and 7 minute
   */
  public GetLoggerConfigResponse getLoggerConfig(int loggerType) {
    return (GetLoggerConfigResponse) send(new GetLoggerConfigRequest(loggerType));
  }

  /** One of the four logger reads. */
  public LogResponse readLog(LogRequest request) {
    return (LogResponse) send(request);
  }

  /** Closes the transport. */
  @Override
  public void close() {
    transport.close();
  }
}
