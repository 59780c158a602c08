package org.camelkmp.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.value.RegisterValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Figure 3, codec cost: encoding and decoding whole frames (all three layers, {@link FrameCodec})
 * of typical messages. Run by {@link Codec} with {@code -prof gc} for the allocation per operation.
 *
 * <ul>
 *   <li>the answer to an 8-register GetRegister (E1, V1, POWER1, FLOW1, T1, T2, CLOCK, DATE) from
 *       the simulated MULTICAL 403: what a reader decodes on every poll;
 *   <li>the 8-register request a reader encodes;
 *   <li>the GetSerialNo answer;
 *   <li>a stuffing-heavy 8-register answer whose ids, units and values are all reserved bytes
 *       (0x06, 0x0D, 0x1B, 0x40, 0x80), so almost every byte is escaped.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
  private static final int ADDRESS = 0x3F;

  GetRegisterResponse registers;
  byte[] registersFrame;
  GetRegisterRequest request;
  byte[] requestFrame;
  GetSerialNoResponse serial;
  byte[] serialFrame;
  GetRegisterResponse stuffed;
  byte[] stuffedFrame;

  /** Builds the messages and their frames, and checks each decodes back to itself. */
  @Setup
  public void setUp() {
    SimulatedMeter meter = Meters.frozen();
    request = new GetRegisterRequest(Meters.EIGHT);
    requestFrame = FrameCodec.encodeRequest(ADDRESS, request);
    registers = (GetRegisterResponse) meter.handle(request).orElseThrow();
    registersFrame = FrameCodec.encodeResponse(ADDRESS, registers);
    serial = new GetSerialNoResponse(meter.config().serialNumber());
    serialFrame = FrameCodec.encodeResponse(ADDRESS, serial);
    stuffed = stuffingHeavy();
    stuffedFrame = FrameCodec.encodeResponse(ADDRESS, stuffed);
    roundTrip(registers, registersFrame);
    roundTrip(serial, serialFrame);
    roundTrip(stuffed, stuffedFrame);
    if (!FrameCodec.decode(requestFrame).message().equals(request)) {
      throw new IllegalStateException("the request does not decode to itself");
    }
  }

  /** The 8-register answer whose bytes are nearly all reserved. */
  static GetRegisterResponse stuffingHeavy() {
    int[] reserved = {0x06, 0x0D, 0x1B, 0x40, 0x80};
    List<RegisterValue> values = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int id = reserved[i % 5] << 8 | reserved[(i + 1) % 5];
      byte[] value = {
        (byte) reserved[(i + 2) % 5],
        (byte) reserved[(i + 3) % 5],
        (byte) reserved[(i + 4) % 5],
        (byte) reserved[i % 5]
      };
      values.add(new RegisterValue(id, reserved[(i + 3) % 5], reserved[(i + 1) % 5], value));
    }
    return new GetRegisterResponse(values);
  }

  private static void roundTrip(KmpResponse response, byte[] frame) {
    DecodedFrame decoded = FrameCodec.decode(frame);
    if (decoded.address() != ADDRESS || !decoded.message().equals(response)) {
      throw new IllegalStateException("does not decode to itself: " + response);
    }
  }

  @Benchmark
  public byte[] encodeRegisterResponse8() {
    return FrameCodec.encodeResponse(ADDRESS, registers);
  }

  @Benchmark
  public DecodedFrame decodeRegisterResponse8() {
    return FrameCodec.decode(registersFrame);
  }

  @Benchmark
  public byte[] encodeRegisterRequest8() {
    return FrameCodec.encodeRequest(ADDRESS, request);
  }

  @Benchmark
  public byte[] encodeSerialResponse() {
    return FrameCodec.encodeResponse(ADDRESS, serial);
  }

  @Benchmark
  public DecodedFrame decodeSerialResponse() {
    return FrameCodec.decode(serialFrame);
  }

  @Benchmark
  public byte[] encodeStuffedResponse8() {
    return FrameCodec.encodeResponse(ADDRESS, stuffed);
  }

  @Benchmark
  public DecodedFrame decodeStuffedResponse8() {
    return FrameCodec.decode(stuffedFrame);
  }
}
