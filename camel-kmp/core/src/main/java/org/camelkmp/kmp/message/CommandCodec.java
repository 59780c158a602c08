package org.camelkmp.kmp.message;

/**
 * One command's wire format and request builder, in one place: how its request and its response go
 * to and from the bytes after the CID, and how its request is made from named arguments. Each
 * {@link CommandId} carries its codec; {@link ApplicationLayer} looks it up by CID and delegates.
 *
 * <p>Readers of this class: a decoder returns a typed message or throws; running short or leaving
 * bytes over is found by {@link ByteSource}, and whatever else does not fit is an {@link
 * IllegalArgumentException}, which the application layer turns into a {@link
 * org.camelkmp.kmp.error.KmpMessageException} naming the command.
 *
 * @param <Q> the request record
 * @param <R> the response record; {@link AckResponse} for a command answered by a lone ACK
 */
abstract class CommandCodec<Q extends KmpRequest, R extends KmpResponse> {
  private final Class<Q> requestType;
  private final Class<R> responseType;

  CommandCodec(Class<Q> requestType, Class<R> responseType) {
    this.requestType = requestType;
    this.responseType = responseType;
  }

  /** Whether the meter accepts the request with a lone ACK instead of a response frame. */
  final boolean answeredByAck() {
    return responseType == AckResponse.class;
  }

  /** The request made from named arguments, for callers such as the Camel producer or a CLI. */
  abstract Q request(CommandArguments arguments);

  /** Writes the request's data after its CID. */
  abstract void writeRequest(Q request, ByteSink out);

  /**
   * Reads a request's data after its CID. A command of a CID family (one CID, several sub-commands)
   * returns a {@link RawRequest} for the sub-commands it does not model.
   */
  abstract KmpRequest readRequest(int cid, ByteSource in);

  /**
   * Whether the data of a raw request with this CID is this command's; only a CID family has data
   * that is not.
   */
  boolean coversRequest(byte[] data) {
    return true;
  }

  /** Writes the response's data after its CID; never called for a command answered by an ACK. */
  void writeResponse(R response, ByteSink out) {
    throw new IllegalStateException(getClass().getSimpleName() + " has no response data");
  }

  /**
   * Reads a response's data after its CID; never called for a command answered by an ACK.
   *
   * @param cid the CID, for a codec shared by several
   */
  R readResponse(int cid, ByteSource in) {
    throw new IllegalStateException(getClass().getSimpleName() + " has no response data");
  }

  /** About how many bytes the response takes, CID included, so its buffer is made once. */
  int responseLength(R response) {
    return 32;
  }

  final void encodeRequest(KmpRequest request, ByteSink out) {
    writeRequest(requestType.cast(request), out);
  }

  /** A response frame's data; one with a CID whose command is answered by an ACK stays raw. */
  final KmpResponse decodeResponse(int cid, ByteSource in) {
    return answeredByAck() ? new RawResponse(cid, in.take(in.remaining())) : readResponse(cid, in);
  }

  final void encodeResponse(KmpResponse response, ByteSink out) {
    writeResponse(typed(response), out);
  }

  final int expectedLength(KmpResponse response) {
    return responseLength(typed(response));
  }

  final boolean isRequest(KmpRequest request) {
    return requestType.isInstance(request);
  }

  private R typed(KmpResponse response) {
    if (answeredByAck() || !responseType.isInstance(response)) {
      throw new IllegalArgumentException(
          response.getClass().getSimpleName() + " is not an answer to " + response.commandName());
    }
    return responseType.cast(response);
  }
}
