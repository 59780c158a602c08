package org.camelkmp.kmp.message;

/** GetSerialNo (0x02): no request data; the answer is the serial number(4). */
final class GetSerialNoCodec extends CommandCodec<GetSerialNoRequest, GetSerialNoResponse> {
  GetSerialNoCodec() {
    super(GetSerialNoRequest.class, GetSerialNoResponse.class);
  }

  @Override
  GetSerialNoRequest request(CommandArguments arguments) {
    return new GetSerialNoRequest();
  }

  @Override
  void writeRequest(GetSerialNoRequest request, ByteSink out) {}

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    return new GetSerialNoRequest();
  }

  @Override
  void writeResponse(GetSerialNoResponse response, ByteSink out) {
    out.u32(response.serialNumber());
  }

  @Override
  GetSerialNoResponse readResponse(int cid, ByteSource in) {
    return new GetSerialNoResponse(in.u32());
  }
}
