package org.camelkmp.kmp.message;

/** GetEventStatus (0x9B): no request data; the answer is ES0..ES3. */
final class GetEventStatusCodec extends EventStatusCodec<GetEventStatusRequest> {
  GetEventStatusCodec() {
    super(GetEventStatusRequest.class);
  }

  @Override
  GetEventStatusRequest request(CommandArguments arguments) {
    return new GetEventStatusRequest();
  }

  @Override
  void writeRequest(GetEventStatusRequest request, ByteSink out) {}

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    return new GetEventStatusRequest();
  }
}
