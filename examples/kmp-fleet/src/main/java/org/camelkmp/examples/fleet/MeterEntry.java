package org.camelkmp.examples.fleet;

/**
 * One line of the meters file: a meter the fleet reads.
 *
 * @param id the meter's name in the fleet, unique in the file; decides its shard
 * @param uri the kmp endpoint that reaches it, e.g. {@code kmp:socket://10.0.0.5:2002}
 * @param registers the registers to read, comma-separated ids or names
 * @param delayMillis time between two reads
 * @param line where in the file it was given, for messages
 */
record MeterEntry(String id, String uri, String registers, long delayMillis, int line) {

  /** The consumer URI: the meter's URI with its registers, delay and serial number asked for. */
  String consumerUri() {
    StringBuilder out = new StringBuilder(uri);
    out.append(uri.contains("?") ? '&' : '?');
    out.append("registers=").append(registers);
    out.append("&delay=").append(delayMillis);
    out.append("&readSerialNumber=true");
    out.append("&pollStrategy=#").append(ZooKeeperLease.BEAN);
    return out.toString();
  }
}
