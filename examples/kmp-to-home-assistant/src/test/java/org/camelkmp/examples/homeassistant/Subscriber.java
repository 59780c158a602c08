package org.camelkmp.examples.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * What Home Assistant would see: an MQTT subscriber that records every message under the discovery
 * prefix and the reader's node id. Its session outlives a broker restart (clean start off, session
 * expiry an hour), so messages published while it was cut off reach it afterwards.
 */
final class Subscriber implements AutoCloseable {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /**
   * One message as it arrived.
   *
   * @param duplicate the broker's redelivery of a message it may have delivered before (MQTT's DUP
   *     flag): a transport retry between broker and subscriber, not a second publication
   */
  record Received(String topic, String payload, boolean retained, boolean duplicate) {
    JsonNode json() {
      try {
        return JSON.readTree(payload);
      } catch (java.io.IOException e) {
        throw new AssertionError(topic + " carries no JSON: " + payload, e);
      }
    }
  }

  private final MqttClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final String prefix;
  private final String nodeId;

  Subscriber(String brokerUrl, String prefix, String nodeId) throws MqttException {
    this.prefix = prefix;
    this.nodeId = nodeId;
    client = new MqttClient(brokerUrl, "test-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3600L);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 1);
    client.connect(options);
    MqttSubscription[] subscriptions = {
      new MqttSubscription(prefix + "/#", 1), new MqttSubscription(nodeId + "/#", 1)
    };
    client.subscribe(
        subscriptions,
        new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {this::record, this::record});
  }

  private void record(String topic, MqttMessage message) {
    received.add(
        new Received(
            topic,
            new String(message.getPayload(), StandardCharsets.UTF_8),
            message.isRetained(),
            message.isDuplicate()));
  }

  /** Every message so far, in arrival order. */
  List<Received> all() {
    return List.copyOf(received);
  }

  /** The state messages of one meter, in arrival order. */
  List<Received> states(long serial) {
    String topic = nodeId + "/" + serial + "/state";
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  /** The last discovery config per topic. */
  Map<String, Received> configs() {
    Map<String, Received> configs = new LinkedHashMap<>();
    for (Received r : received) {
      if (r.topic().startsWith(prefix + "/") && r.topic().endsWith("/config")) {
        configs.put(r.topic(), r);
      }
    }
    return configs;
  }

  /** How many config messages arrived in all (a re-sent discovery counts again). */
  long configMessages() {
    return received.stream()
        .filter(r -> r.topic().startsWith(prefix + "/") && r.topic().endsWith("/config"))
        .count();
  }

  /** The last availability payload, or null. */
  String availability() {
    String topic = nodeId + "/status";
    String last = null;
    for (Received r : received) {
      if (r.topic().equals(topic)) {
        last = r.payload();
      }
    }
    return last;
  }

  /** Publishes as Home Assistant does when it starts. */
  void homeAssistantOnline() throws MqttException {
    client.publish(prefix + "/status", "online".getBytes(StandardCharsets.UTF_8), 1, false);
  }

  boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close(true);
  }
}
