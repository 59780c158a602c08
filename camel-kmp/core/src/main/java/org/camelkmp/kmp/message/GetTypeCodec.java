package org.camelkmp.kmp.message;

/** GetType (0x01): no request data; the answer is meter type(2) and revision(2). */
final class GetTypeCodec extends CommandCodec<GetTypeRequest, GetTypeResponse> {
  GetTypeCodec() {
    super(GetTypeRequest.class, GetTypeResponse.class);
  }

  @Override
  GetTypeRequest request(CommandArguments arguments) {
    return new GetTypeRequest();
  }

  @Override
  void writeRequest(GetTypeRequest request, ByteSink out) {}

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    return new GetTypeRequest();
  }

  @Override
  void writeResponse(GetTypeResponse response, ByteSink out) {
    out.u16(response.meterType()).u16(response.revision());
  }

  @Override
  GetTypeResponse readResponse(int cid, ByteSource in) {
    return new GetTypeResponse(in.u16(), in.u16());
  }
}
