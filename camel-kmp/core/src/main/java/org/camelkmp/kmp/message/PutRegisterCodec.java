package org.camelkmp.kmp.message;

import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.Units;

/**
 * PutRegister (0x11): password(2) and one register block; answered by an ACK. Arguments: {@code
 * password}, and either {@code registerValue} or one of {@code registers} with {@code value} and
 * {@code unit} (a code or symbol), written with 4 value bytes.
 */
final class PutRegisterCodec extends CommandCodec<PutRegisterRequest, AckResponse> {
  PutRegisterCodec() {
    super(PutRegisterRequest.class, AckResponse.class);
  }

  @Override
  PutRegisterRequest request(CommandArguments arguments) {
    RegisterValue value =
        arguments
            .find("registerValue", RegisterValue.class)
            .orElseGet(
                () -> {
                  int id = arguments.distinctRegisters(1).get(0);
                  return RegisterValue.ofNumber(
                      id, arguments.decimal("value"), Units.codeOf(arguments.text("unit")), 4);
                });
    return new PutRegisterRequest(arguments.integer("password", 0), value);
  }

  @Override
  void writeRequest(PutRegisterRequest request, ByteSink out) {
    out.u16(request.password());
    RegisterBlocks.write(out, request.value());
  }

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    return new PutRegisterRequest(in.u16(), RegisterBlocks.read(in));
  }
}
