package org.camelkmp.kmp.fuzz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.client.ExchangeListener;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.frame.DataLinkLayer;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.FrameReceiver;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.message.ApplicationLayer;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.FrameRedaction;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.KmpMessage;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.message.LogRecord;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.transport.Transport;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * What the fuzz tests feed every input to. Each target either returns normally or throws one of the
 * core's own {@link KmpException}s; anything else escaping (an {@link AssertionError} from an
 * oracle included) is a finding.
 */
final class FuzzTargets {
  private FuzzTargets() {}

  /**
   * The whole decoder, then every view a user calls on what it decoded, then the round trip: a
   * decoded message encodes to a frame that decodes to the same message.
   *
   * @return the simple name of what was decoded
   */
  static String decodeFrame(byte[] input) {
    DecodedFrame decoded = FrameCodec.decode(input);
    KmpMessage message = decoded.message();
    exerciseViews(message);
    if (decoded.address() >= 0) {
      byte[] again =
          decoded.direction() == Direction.REQUEST
              ? FrameCodec.encodeRequest(decoded.address(), (KmpRequest) message)
              : FrameCodec.encodeResponse(decoded.address(), (KmpResponse) message);
      DecodedFrame twice = FrameCodec.decode(again);
      if (!twice.equals(decoded)) {
        throw new AssertionError("round trip changed " + decoded + " into " + twice);
      }
    }
    return message.getClass().getSimpleName();
  }

  /** Each layer on its own, on raw bytes, as a caller of the public API might use it. */
  static void decodeLayers(byte[] input) {
    swallowKmp(() -> PhysicalLayer.decode(input));
    swallowKmp(() -> DataLinkLayer.decode(input));
    swallowKmp(() -> exerciseViews(ApplicationLayer.decodeRequest(input)));
    swallowKmp(() -> exerciseViews(ApplicationLayer.decodeResponse(input)));
    swallowKmp(() -> PhysicalLayer.destuff(input, 0, input.length));
    FrameRedaction.hex(input);
    FrameRedaction.received(input, input);
  }

  /**
   * The stream receiver in both directions, with and without ACKs: bounded frames, only framing
   * errors, and it keeps working after one.
   *
   * @return frames found
   */
  static int receive(byte[] input) {
    int frames = 0;
    for (Direction direction : Direction.values()) {
      for (boolean ack : new boolean[] {false, true}) {
        FrameReceiver receiver = new FrameReceiver(direction, ack);
        for (byte b : input) {
          FrameReceiver.Event event;
          try {
            event = receiver.accept(b);
          } catch (KmpFramingException e) {
            continue;
          }
          if (event == FrameReceiver.Event.FRAME) {
            byte[] frame = receiver.frame();
            if (frame.length > PhysicalLayer.MAX_FRAME_LENGTH) {
              throw new AssertionError("frame of " + frame.length + " bytes passed the receiver");
            }
            frames++;
            swallowKmp(() -> decodeFrame(frame));
          }
        }
      }
    }
    return frames;
  }

  private static final ClientOptions CLIENT =
      ClientOptions.defaults()
          .withRetries(0)
          .withQuietTime(Duration.ZERO)
          .withTimeout(Duration.ofMillis(1))
          .withInterByteTimeout(Duration.ofMillis(1));

  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /**
   * The client reading {@code input} as the meter's answer to a GetRegister (or, when {@code ack},
   * a SetClock): a response or a KmpException, whatever the bytes.
   */
  static String clientReads(byte[] input, boolean ack) {
    ReplayTransport line = new ReplayTransport(input);
    KmpClient client = new KmpClient(line, CLIENT, new ExchangeListener() {}, FIXED);
    if (ack) {
      client.send(new SetClockRequest(java.time.LocalDateTime.of(2026, 1, 1, 0, 0)));
      return "ack";
    }
    return client.readRegisters(60, 68, 80, 1002).values().size() + " values";
  }

  /** Calls every accessor a user or the component calls on a decoded message. */
  static void exerciseViews(KmpMessage message) {
    message.toString();
    message.commandName();
    List<RegisterValue> values = new ArrayList<>();
    if (message instanceof GetRegisterResponse r) {
      values.addAll(r.values());
    } else if (message instanceof LogResponse r) {
      r.complete();
      for (LogRecord record : r.records()) {
        values.addAll(record.values());
      }
    } else if (message instanceof org.camelkmp.kmp.message.PutRegisterRequest r) {
      values.add(r.value());
    } else if (message instanceof GetRegisterRequest r) {
      r.registerIds().forEach(id -> org.camelkmp.kmp.value.Registers.byId(id).name());
    }
    for (RegisterValue v : values) {
      v.toString();
      v.hasValue();
      v.displayValue();
      v.typedValue();
      v.decimal().toPlainString();
      v.mantissa();
      v.time();
      v.date();
      v.monthDay();
      v.dateTime();
      v.dateTimeOffset();
      v.text();
      v.register().description();
      v.unit().symbol();
      v.kind();
    }
  }

  private static void swallowKmp(Runnable call) {
    try {
      call.run();
    } catch (KmpException e) {
      // one of the core's own: what a bad input may give
    }
  }

  /** Plays fixed bytes as the meter's side, then is silent; never blocks. */
  private static final class ReplayTransport implements Transport {
    private final byte[] bytes;
    private int position;
    private boolean open = true;

    ReplayTransport(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public String name() {
      return "fuzz";
    }

    @Override
    public void open() {
      open = true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void write(byte[] frame) {}

    @Override
    public int read(long timeoutMillis) {
      return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public void discardInput() {}

    @Override
    public void close() {
      open = false;
    }
  }
}
