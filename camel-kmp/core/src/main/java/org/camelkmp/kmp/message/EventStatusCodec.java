package org.camelkmp.kmp.message;

/** The answer GetEventStatus and ClearEventStatus share: ES0..ES3. */
abstract class EventStatusCodec<Q extends KmpRequest> extends CommandCodec<Q, EventStatusResponse> {
  EventStatusCodec(Class<Q> requestType) {
    super(requestType, EventStatusResponse.class);
  }

  @Override
  final void writeResponse(EventStatusResponse response, ByteSink out) {
    out.bytes(response.status().toBytes());
  }

  @Override
  final EventStatusResponse readResponse(int cid, ByteSource in) {
    return new EventStatusResponse(cid, EventStatus.of(in.take(4), 0));
  }
}
