/**
 * The application layer of KMP: one record per request and per response of every known command,
 * encoded and decoded in both directions by {@link org.camelkmp.kmp.message.ApplicationLayer}, and
 * {@link org.camelkmp.kmp.message.FrameCodec} for whole frames through all three layers.
 */
package org.camelkmp.kmp.message;
