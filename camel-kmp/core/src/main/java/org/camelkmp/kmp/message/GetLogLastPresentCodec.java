package org.camelkmp.kmp.message;

/** GetLogLastPresent (0xA1): starts after the last acknowledged record; nothing more to say. */
final class GetLogLastPresentCodec extends LogReadCodec<GetLogLastPresentRequest> {
  GetLogLastPresentCodec() {
    super(GetLogLastPresentRequest.class);
  }

  @Override
  GetLogLastPresentRequest request(Common c, CommandArguments arguments) {
    return new GetLogLastPresentRequest(c.logId(), c.registerIds(), c.maxRecords(), c.maxLength());
  }

  @Override
  void writeStart(GetLogLastPresentRequest request, ByteSink out) {}

  @Override
  GetLogLastPresentRequest readStart(Common c, ByteSource in) {
    return new GetLogLastPresentRequest(c.logId(), c.registerIds(), c.maxRecords(), c.maxLength());
  }
}
