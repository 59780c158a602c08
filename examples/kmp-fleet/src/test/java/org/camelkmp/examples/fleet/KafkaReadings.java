package org.camelkmp.examples.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic back from its beginning with a plain kafka-clients consumer, as a user would. */
final class KafkaReadings implements AutoCloseable {
  /**
   * One record as it arrived.
   *
   * @param key the record's key (the meter's serial number)
   * @param readingId the {@code kmpReadingId} header
   * @param meter the {@code kmpMeter} header
   * @param node the {@code kmpFleetNode} header
   * @param json the value
   */
  record Record(String key, String readingId, String meter, String node, String json) {
    /** The read time, from the reading id. */
    Instant readAt() {
      return Instant.parse(readingId.substring(readingId.indexOf('@') + 1));
    }
  }

  private final KafkaConsumer<String, String> consumer;
  private final List<Record> seen = new ArrayList<>();

  KafkaReadings(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props);
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topic)
        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Every record in the topic so far: reads up to the end offsets as they are now. */
  synchronized List<Record> all() {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        seen.add(
            new Record(
                r.key(),
                header(r, KafkaForwarder.READING_ID),
                header(r, KafkaForwarder.METER),
                header(r, KafkaForwarder.NODE),
                r.value()));
      }
    }
    return List.copyOf(seen);
  }

  private static String header(ConsumerRecord<String, String> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
