package org.camelkmp.kmp.message;

/** GetLogIDPresent (0xA2): starts at a record id(2). Argument {@code logRecordId}, required. */
final class GetLogIdPresentCodec extends LogReadCodec<GetLogIdPresentRequest> {
  GetLogIdPresentCodec() {
    super(GetLogIdPresentRequest.class);
  }

  @Override
  GetLogIdPresentRequest request(Common c, CommandArguments arguments) {
    return new GetLogIdPresentRequest(
        c.logId(),
        c.registerIds(),
        c.maxRecords(),
        c.maxLength(),
        arguments.integer("logRecordId"));
  }

  @Override
  void writeStart(GetLogIdPresentRequest request, ByteSink out) {
    out.u16(request.fromRecordId());
  }

  @Override
  GetLogIdPresentRequest readStart(Common c, ByteSource in) {
    return new GetLogIdPresentRequest(
        c.logId(), c.registerIds(), c.maxRecords(), c.maxLength(), in.u16());
  }
}
