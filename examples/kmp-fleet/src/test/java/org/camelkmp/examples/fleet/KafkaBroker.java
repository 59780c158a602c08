package org.camelkmp.examples.fleet;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.camelkmp.kmp.testsupport.FreePorts;

/**
 * A real Kafka broker (3.9, KRaft, broker and controller in one process) on loopback ports, its
 * storage formatted by Kafka's own tool before the first start; restartable on the same data.
 */
final class KafkaBroker implements AutoCloseable {
  private final int port = FreePorts.next();
  private final int controllerPort = FreePorts.next();
  private final ServerProcess process;

  KafkaBroker(Path work) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(work.resolve("kafka"));
    Path config = dir.resolve("server.properties");
    Path log4j = dir.resolve("log4j.properties");
    Files.writeString(
        log4j,
        String.join(
            "\n",
            "log4j.rootLogger=WARN, stdout",
            "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
            "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
            "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
            "log4j.logger.kafka.server.KafkaRaftServer=INFO",
            ""));
    Files.writeString(
        config,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + dir.resolve("data"),
            "num.partitions=3",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            ""));
    ServerProcess.runTool(
        "kafka",
        work,
        "kafka.tools.StorageTool",
        "format",
        "-t",
        Uuid.randomUuid().toString(),
        "-c",
        config.toString());
    process =
        new ServerProcess(
            "kafka",
            work,
            List.of("-Dlog4j.configuration=" + log4j.toUri()),
            "kafka.Kafka",
            config.toString());
  }

  KafkaBroker start() throws IOException {
    process.start(port);
    return this;
  }

  /** Stops the broker (SIGTERM); {@link #start()} brings it back on its data. */
  void stop() {
    process.stop();
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** Creates {@code topic} with three partitions, once the broker takes requests. */
  void createTopic(String topic) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(props)) {
      await("topic " + topic)
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () -> {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                return true;
              });
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> admin.describeTopics(List.of(topic)).allTopicNames().get().containsKey(topic));
    }
  }

  String log() {
    return process.log();
  }

  @Override
  public void close() {
    process.stop();
  }
}
