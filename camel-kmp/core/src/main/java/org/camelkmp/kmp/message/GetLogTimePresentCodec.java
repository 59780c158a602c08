package org.camelkmp.kmp.message;

/** GetLogTimePresent (0xA0): starts at a logger time(8). Argument {@code logFrom}, required. */
final class GetLogTimePresentCodec extends LogReadCodec<GetLogTimePresentRequest> {
  GetLogTimePresentCodec() {
    super(GetLogTimePresentRequest.class);
  }

  @Override
  GetLogTimePresentRequest request(Common c, CommandArguments arguments) {
    return new GetLogTimePresentRequest(
        c.logId(), c.registerIds(), c.maxRecords(), c.maxLength(), arguments.dateTime("logFrom"));
  }

  @Override
  void writeStart(GetLogTimePresentRequest request, ByteSink out) {
    LogTime.write(out, request.from());
  }

  @Override
  GetLogTimePresentRequest readStart(Common c, ByteSource in) {
    return new GetLogTimePresentRequest(
        c.logId(), c.registerIds(), c.maxRecords(), c.maxLength(), LogTime.read(in));
  }
}
