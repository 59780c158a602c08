package org.camelkmp.kmp.message;

import java.util.ArrayList;
import java.util.List;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * GetRegister (0x10): count(1) and the ids(2 each); the answer is one register block per register
 * the meter has. Argument {@code registers}, 1..8.
 */
final class GetRegisterCodec extends CommandCodec<GetRegisterRequest, GetRegisterResponse> {
  GetRegisterCodec() {
    super(GetRegisterRequest.class, GetRegisterResponse.class);
  }

  @Override
  GetRegisterRequest request(CommandArguments arguments) {
    return new GetRegisterRequest(arguments.distinctRegisters(GetRegisterRequest.MAX_REGISTERS));
  }

  @Override
  void writeRequest(GetRegisterRequest request, ByteSink out) {
    writeIds(request.registerIds(), out);
  }

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    return new GetRegisterRequest(readIds(in));
  }

  @Override
  void writeResponse(GetRegisterResponse response, ByteSink out) {
    response.values().forEach(v -> RegisterBlocks.write(out, v));
  }

  @Override
  GetRegisterResponse readResponse(int cid, ByteSource in) {
    List<RegisterValue> values = new ArrayList<>();
    while (in.remaining() > 0) {
      values.add(RegisterBlocks.read(in));
    }
    return new GetRegisterResponse(values);
  }

  /** The exact length, CID included. */
  @Override
  int responseLength(GetRegisterResponse response) {
    int length = 1;
    for (RegisterValue v : response.values()) {
      length += 5 + v.nob();
    }
    return length;
  }

  /** A count byte, then the ids; shared with the log reads. */
  static void writeIds(List<Integer> ids, ByteSink out) {
    out.u8(ids.size());
    ids.forEach(out::u16);
  }

  static List<Integer> readIds(ByteSource in) {
    int n = in.u8();
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(in.u16());
    }
    return ids;
  }
}
