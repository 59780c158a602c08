/**
 * The physical and data-link layers of KMP: start and stop bytes, one-pass byte stuffing, the lone
 * ACK, destination address and CRC-16/XMODEM, and a receiver that finds frames in a byte stream.
 * Knows bytes only.
 */
package org.camelkmp.kmp.frame;
