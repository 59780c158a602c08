package org.camelkmp.kmp.message;

import org.camelkmp.kmp.error.KmpMessageException;

/**
 * The application layer: typed messages to and from their bytes (CID followed by data), in both
 * directions. Each known command's codec, found by CID in {@link CommandId}, does the work; unknown
 * CIDs become {@link RawRequest} / {@link RawResponse}; data that does not fit its CID is a {@link
 * KmpMessageException}, never another exception.
 */
public final class ApplicationLayer {
  /** "GetRegister request" and so on by CID, for messages; made once, not on every decode. */
  private static final String[] REQUEST_NAMES = names("request");

  private static final String[] RESPONSE_NAMES = names("response");

  private ApplicationLayer() {}

  private static String[] names(String direction) {
    String[] names = new String[256];
    for (int cid = 0; cid < names.length; cid++) {
      names[cid] =
          CommandId.of(cid).map(CommandId::commandName).orElse(direction) + " " + direction;
    }
    return names;
  }

  /**
   * CID and data of a request.
   *
   * @throws IllegalArgumentException for a request type this library has no codec for
   */
  public static byte[] encode(KmpRequest request) {
    ByteSink out = new ByteSink().u8(request.cid());
    if (request instanceof RawRequest r) {
      out.bytes(r.data());
    } else {
      codecOf(request).encodeRequest(request, out);
    }
    return out.toArray();
  }

  private static CommandCodec<?, ?> codecOf(KmpRequest request) {
    return request
        .command()
        .map(CommandId::codec)
        .filter(codec -> codec.isRequest(request))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no codec for "
                        + request.getClass().getName()
                        + ": send a request record of org.camelkmp.kmp.message or a RawRequest"));
  }

  /** CID and data of a response; an ACK has no application bytes and is refused here. */
  public static byte[] encode(KmpResponse response) {
    if (response instanceof AckResponse) {
      throw new IllegalArgumentException("an ACK is a lone byte, not an application message");
    }
    if (response instanceof RawResponse r) {
      return new ByteSink(1 + r.data().length).u8(r.cid()).bytes(r.data()).toArray();
    }
    CommandCodec<?, ?> codec =
        response
            .command()
            .map(CommandId::codec)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no codec for " + response.getClass().getName() + ": send a RawResponse"));
    ByteSink out = new ByteSink(codec.expectedLength(response)).u8(response.cid());
    codec.encodeResponse(response, out);
    return out.toArray();
  }

  /**
   * Decodes a request's CID and data.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpRequest decodeRequest(byte[] application) {
    return decodeRequest(application, 0, application.length);
  }

  /**
   * Decodes a request's CID and data from {@code bytes[offset .. offset + length)}, such as the
   * application bytes inside a data-link frame, without copying them out first.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpRequest decodeRequest(byte[] bytes, int offset, int length) {
    if (length == 0) {
      throw new KmpMessageException("request has no CID");
    }
    int cid = bytes[offset] & 0xFF;
    String what = REQUEST_NAMES[cid];
    ByteSource in = new ByteSource(bytes, offset, offset + 1, offset + length, what);
    try {
      CommandId command = CommandId.orNull(cid);
      KmpRequest request =
          command != null
              ? command.codec().readRequest(cid, in)
              : new RawRequest(cid, in.take(in.remaining()));
      in.expectEnd();
      return request;
    } catch (IllegalArgumentException e) {
      throw new KmpMessageException(what + " is invalid: " + e.getMessage());
    }
  }

  /**
   * Decodes a response's CID and data.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpResponse decodeResponse(byte[] application) {
    return decodeResponse(application, 0, application.length);
  }

  /**
   * Decodes a response's CID and data from {@code bytes[offset .. offset + length)}, such as the
   * application bytes inside a data-link frame, without copying them out first.
   *
   * @throws KmpMessageException when the data does not fit the CID
   */
  public static KmpResponse decodeResponse(byte[] bytes, int offset, int length) {
    if (length == 0) {
      throw new KmpMessageException("response has no CID");
    }
    int cid = bytes[offset] & 0xFF;
    String what = RESPONSE_NAMES[cid];
    ByteSource in = new ByteSource(bytes, offset, offset + 1, offset + length, what);
    try {
      CommandId command = CommandId.orNull(cid);
      KmpResponse response =
          command != null
              ? command.codec().decodeResponse(cid, in)
              : new RawResponse(cid, in.take(in.remaining()));
      in.expectEnd();
      return response;
    } catch (IllegalArgumentException e) {
      throw new KmpMessageException(what + " is invalid: " + e.getMessage());
    }
  }
}
