/**
 * {@link org.camelkmp.kmp.client.KmpClient}: reading and writing a meter over any {@link
 * org.camelkmp.kmp.transport.Transport}, one transaction at a time, with the timeouts, retries and
 * quiet time real meters need.
 */
package org.camelkmp.kmp.client;
