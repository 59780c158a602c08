package org.camelkmp.kmp.client;

import java.math.BigDecimal;
import java.util.List;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.value.RegisterValue;

/** Answers computed from requests, for {@link ScriptedMeter}. */
final class ScriptedMeterAnswers {
  private ScriptedMeterAnswers() {}

  /** Answers a GetRegister with each id as its own value, leaving out multiples of five. */
  static byte[] echoRegistersExceptMultiplesOfFive(byte[] requestFrame) {
    GetRegisterRequest request = (GetRegisterRequest) FrameCodec.decode(requestFrame).message();
    List<RegisterValue> values =
        request.registerIds().stream()
            .filter(id -> id % 5 != 0)
            .map(id -> RegisterValue.ofNumber(id, BigDecimal.valueOf(id), 0))
            .toList();
    return FrameCodec.encodeResponse(0x3F, new GetRegisterResponse(values));
  }
}
