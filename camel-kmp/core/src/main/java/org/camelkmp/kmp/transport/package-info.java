/**
 * Byte pipes to a meter line: {@link org.camelkmp.kmp.transport.SerialTransport} for an optical
 * head on a serial port, {@link org.camelkmp.kmp.transport.TcpTransport} for a ser2net gateway,
 * {@link org.camelkmp.kmp.transport.InMemoryLine} for tests and {@link
 * org.camelkmp.kmp.transport.PacedTransport} to give any of them real line timing. {@link
 * org.camelkmp.kmp.transport.Transports} picks one from the device string a user writes.
 */
package org.camelkmp.kmp.transport;
