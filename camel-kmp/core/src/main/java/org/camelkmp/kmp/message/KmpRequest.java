package org.camelkmp.kmp.message;

/**
 * A request to a meter. Every request encodes to and decodes from its application bytes through
 * {@link ApplicationLayer}, so readers, the simulator and offline frame decoders share one codec.
 *
 * <p>The implementations are the request records of the commands in {@link CommandId} and {@link
 * RawRequest}; that table, not a {@code permits} list, is where commands are listed, and the
 * application layer refuses to encode any other implementation.
 */
public non-sealed interface KmpRequest extends KmpMessage {

  /** Whether the meter answers with a lone ACK instead of a response frame. */
  default boolean expectsAck() {
    return command().map(CommandId::answeredByAck).orElse(false);
  }
}
