package org.camelkmp.kmp.message;

/**
 * ClearEventStatus (0x9C): the conditional and the unconditional mask, ES0..ES3 each; the answer is
 * ES0..ES3 after. Arguments {@code conditionalMask} and {@code unconditionalMask}, ES0..ES3 as a
 * 32-bit number, 0 when not given.
 */
final class ClearEventStatusCodec extends EventStatusCodec<ClearEventStatusRequest> {
  ClearEventStatusCodec() {
    super(ClearEventStatusRequest.class);
  }

  @Override
  ClearEventStatusRequest request(CommandArguments arguments) {
    return new ClearEventStatusRequest(
        mask(arguments.longInteger("conditionalMask", 0L)),
        mask(arguments.longInteger("unconditionalMask", 0L)));
  }

  private static EventStatus mask(long bits) {
    if (bits < 0 || bits > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("event status mask " + bits + " must fit in 32 bits");
    }
    return new EventStatus(
        (int) (bits >>> 24) & 0xFF,
        (int) (bits >>> 16) & 0xFF,
        (int) (bits >>> 8) & 0xFF,
        (int) bits & 0xFF);
  }

  @Override
  void writeRequest(ClearEventStatusRequest request, ByteSink out) {
    out.bytes(request.conditional().toBytes()).bytes(request.unconditional().toBytes());
  }

  @Override
  KmpRequest readRequest(int cid, ByteSource in) {
    return new ClearEventStatusRequest(
        EventStatus.of(in.take(4), 0), EventStatus.of(in.take(4), 0));
  }
}
