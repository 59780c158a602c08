package org.camelkmp.kmp.message;

import org.camelkmp.kmp.frame.Direction;

/**
 * A whole frame decoded through all three layers.
 *
 * @param direction request (to the meter) or response (from it)
 * @param address destination address; -1 for an ACK, which carries none
 * @param message the typed request or response
 */
public record DecodedFrame(Direction direction, int address, KmpMessage message) {}
