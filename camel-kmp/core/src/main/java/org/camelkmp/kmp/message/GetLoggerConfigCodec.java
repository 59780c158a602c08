package org.camelkmp.kmp.message;

import java.util.Arrays;

/**
 * GetLoggerConfig (0xB8 05): the request is the sub-command 0x05 and the logger type(1); the answer
 * is read as {@link GetLoggerConfigResponse} says. Requests of the 0xB8 family with another
 * sub-command stay raw. Argument {@code loggerType}, required.
 */
final class GetLoggerConfigCodec
    extends CommandCodec<GetLoggerConfigRequest, GetLoggerConfigResponse> {
  GetLoggerConfigCodec() {
    super(GetLoggerConfigRequest.class, GetLoggerConfigResponse.class);
  }

  @Override
  GetLoggerConfigRequest request(CommandArguments arguments) {
    return new GetLoggerConfigRequest(arguments.integer("loggerType"));
  }

  @Override
  void writeRequest(GetLoggerConfigRequest request, ByteSink out) {
    out.u8(GetLoggerConfigRequest.SUB_COMMAND).u8(request.loggerType());
  }

  @Override
  boolean coversRequest(byte[] data) {
    return data.length >= 1 && (data[0] & 0xFF) == GetLoggerConfigRequest.SUB_COMMAND;
  }

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    byte[] data = in.take(in.remaining());
    if (!coversRequest(data)) {
      return new RawRequest(cid, data);
    }
    if (data.length != 2) {
      throw new IllegalArgumentException(
          "sub-command 0x05 takes one logger type byte, got " + (data.length - 1));
    }
    return new GetLoggerConfigRequest(data[1] & 0xFF);
  }

  @Override
  void writeResponse(GetLoggerConfigResponse response, ByteSink out) {
    if (response.echoed()) {
      out.u8(response.subCommand()).u8(response.loggerType());
    }
    out.bytes(response.configuration());
  }

  @Override
  GetLoggerConfigResponse readResponse(int cid, ByteSource in) {
    byte[] data = in.take(in.remaining());
    if (data.length == 0) {
      throw new IllegalArgumentException("it carries no configuration, not even a byte");
    }
    return GetLoggerConfigResponse.startsWithEcho(data)
        ? new GetLoggerConfigResponse(
            data[0] & 0xFF, data[1] & 0xFF, Arrays.copyOfRange(data, 2, data.length))
        : new GetLoggerConfigResponse(-1, -1, data);
  }
}
