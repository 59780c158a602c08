package org.camelkmp.examples.homeassistant;

/**
 * The MQTT topics of one reader: discovery under Home Assistant's prefix, states and availability
 * under the node id.
 *
 * @param discoveryPrefix Home Assistant's discovery prefix, {@code homeassistant} by default
 * @param nodeId this reader's id: the node id of the discovery topics and the root of its own
 */
public record Topics(String discoveryPrefix, String nodeId) {
  /** Where the reader says {@code online} and its last will {@code offline}. */
  public String availability() {
    return nodeId + "/status";
  }

  /** Where Home Assistant says {@code online} when it (re)starts. */
  public String homeAssistantStatus() {
    return discoveryPrefix + "/status";
  }

  /** Where one meter's readings go. */
  public String state(long serial) {
    return nodeId + "/" + serial + "/state";
  }

  /** The discovery config topic of one entity. */
  public String config(String component, String objectId) {
    return discoveryPrefix + "/" + component + "/" + nodeId + "/" + objectId + "/config";
  }
}
