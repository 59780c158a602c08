package org.camelkmp.kmp.message;

/**
 * GetLogTimePast (0xA3): starts at a logger time(8), moved back by an offset(2). Arguments {@code
 * logFrom}, required, and {@code logOffset}, 0 when not given.
 */
final class GetLogTimePastCodec extends LogReadCodec<GetLogTimePastRequest> {
  GetLogTimePastCodec() {
    super(GetLogTimePastRequest.class);
  }

  @Override
  GetLogTimePastRequest request(Common c, CommandArguments arguments) {
    return new GetLogTimePastRequest(
        c.logId(),
        c.registerIds(),
        c.maxRecords(),
        c.maxLength(),
        arguments.dateTime("logFrom"),
        arguments.integer("logOffset", 0));
  }

  @Override
  void writeStart(GetLogTimePastRequest request, ByteSink out) {
    LogTime.write(out, request.from());
    out.u16(request.offset());
  }

  @Override
  GetLogTimePastRequest readStart(Common c, ByteSource in) {
    return new GetLogTimePastRequest(
        c.logId(), c.registerIds(), c.maxRecords(), c.maxLength(), LogTime.read(in), in.u16());
  }
}
