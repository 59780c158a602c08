package org.camelkmp.examples.fleet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.camelkmp.examples.support.ExampleSettings;
import org.camelkmp.examples.support.ExampleStartupException;

/** The fleet's settings, each checked with a message that names it. */
final class FleetSettings extends ExampleSettings {
  FleetSettings(CamelContext context) {
    super(context);
  }

  /** {@code fleet.meters}: the meters file, read and checked. */
  List<MeterEntry> meters() {
    Path file = Path.of(required("fleet.meters", "fleet.meters (id,uri,registers,delay)"));
    if (!Files.isRegularFile(file)) {
      throw new ExampleStartupException("fleet.meters=" + file.toAbsolutePath() + " is no file");
    }
    return MetersFile.read(file);
  }

  /** {@code fleet.node.id}: this node's name in the elections; the host name when not set. */
  String nodeId() {
    String id = optional("fleet.node.id").orElseGet(FleetSettings::hostName);
    if (!id.matches("[A-Za-z0-9_.-]+")) {
      throw new ExampleStartupException(
          "fleet.node.id=" + id + " must be letters, digits, '.', '_' or '-'");
    }
    return id;
  }

  /** {@code fleet.nodes}: the ids of the nodes expected, comma-separated; may be empty. */
  List<String> nodes() {
    return optional("fleet.nodes")
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()))
        .map(s -> s.toList())
        .orElse(List.of());
  }

  /** {@code fleet.namespace}: the ZooKeeper path the fleet's elections live under. */
  String namespace() {
    String ns = required("fleet.namespace", "kmp-fleet");
    if (!ns.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")) {
      throw new ExampleStartupException(
          "fleet.namespace=" + ns + " must be a ZooKeeper path without a leading slash");
    }
    return ns;
  }

  /** A duration setting such as {@code 15s}, in milliseconds. */
  long duration(String key, String example) {
    String value = required(key, example);
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ExampleStartupException(key + "=" + value + ": " + e.getMessage());
    }
  }

  /** {@code kafka.topic}: a Kafka topic name. */
  String topic() {
    String topic = required("kafka.topic", "kmp.readings");
    if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
      throw new ExampleStartupException(
          "kafka.topic=" + topic + " is not a Kafka topic name (letters, digits, '.', '_', '-')");
    }
    return topic;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new ExampleStartupException("fleet.node.id is not set and the host has no name", e);
    }
  }
}
