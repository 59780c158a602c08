package org.camelkmp.examples.homeassistant;

import javax.net.SocketFactory;

/**
 * How to reach the broker.
 *
 * @param url the broker's address in Paho's form: {@code tcp://host:1883} or {@code
 *     ssl://host:8883}
 * @param username the user name, or null to connect without credentials
 * @param password the password, or null
 * @param socketFactory the TLS socket factory with the configured trust store, or null for Java's
 *     default trust
 * @param clientId the MQTT client id
 * @param reconnectMaxDelayMillis the longest wait between two connection attempts
 */
public record MqttSettings(
    String url,
    String username,
    String password,
    SocketFactory socketFactory,
    String clientId,
    long reconnectMaxDelayMillis) {

  /** The url without credentials, for messages. */
  @Override
  public String toString() {
    return url + (username != null ? " as " + username : "");
  }
}
