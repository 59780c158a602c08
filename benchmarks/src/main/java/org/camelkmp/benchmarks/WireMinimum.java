package org.camelkmp.benchmarks;

import java.util.List;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.simulator.SimulatedMeter;
import org.camelkmp.kmp.transport.LineSettings;

/**
 * The least a poll of some registers can put on the wire: ⌈n/8⌉ GetRegister requests (eight ids
 * each, in the order given) and the meter's exact answers to them, all counted after byte stuffing.
 * Computed by asking the meter directly, without any client, so registers the meter lacks count as
 * the meter really answers them (left out).
 *
 * @param requests GetRegister requests
 * @param requestBytes stuffed bytes of all request frames, start to stop
 * @param responseBytes stuffed bytes of all answer frames, start to stop
 */
public record WireMinimum(int requests, int requestBytes, int responseBytes) {

  /** Computes the minimum for a poll of {@code ids} on {@code meter} (address 0x3F). */
  public static WireMinimum of(SimulatedMeter meter, List<Integer> ids) {
    int requests = 0;
    int requestBytes = 0;
    int responseBytes = 0;
    for (int from = 0; from < ids.size(); from += GetRegisterRequest.MAX_REGISTERS) {
      List<Integer> chunk =
          ids.subList(from, Math.min(ids.size(), from + GetRegisterRequest.MAX_REGISTERS));
      byte[] request = FrameCodec.encodeRequest(meter.address(), new GetRegisterRequest(chunk));
      byte[] answer =
          meter
              .respond(request)
              .orElseThrow(() -> new IllegalStateException("the meter did not answer " + chunk));
      requests++;
      requestBytes += request.length;
      responseBytes += answer.length;
    }
    return new WireMinimum(requests, requestBytes, responseBytes);
  }

  /** Requests and answers together. */
  public int bytes() {
    return requestBytes + responseBytes;
  }

  /** How long these bytes take on a line with these settings, without any think time. */
  public long wireNanos(LineSettings line) {
    return bytes() * line.nanosPerByte();
  }
}
