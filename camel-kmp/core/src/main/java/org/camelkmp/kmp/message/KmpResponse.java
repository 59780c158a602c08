package org.camelkmp.kmp.message;

/**
 * A response from a meter: a data frame or, for SetClock and PutRegister, a lone ACK.
 *
 * <p>The implementations are the response records of the commands in {@link CommandId}, {@link
 * AckResponse} and {@link RawResponse}; that table, not a {@code permits} list, is where commands
 * are listed, and the application layer refuses to encode any other implementation.
 */
public non-sealed interface KmpResponse extends KmpMessage {}
