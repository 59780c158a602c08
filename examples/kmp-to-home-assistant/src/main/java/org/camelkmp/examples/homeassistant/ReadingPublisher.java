package org.camelkmp.examples.homeassistant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.ProducerTemplate;
import org.camelkmp.component.kmp.KmpConstants;
import org.camelkmp.component.kmp.KmpReading;
import org.camelkmp.examples.support.DiskOutbox;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to each reading: the first reading of a meter makes it a Home Assistant device (one
 * GetType request for its model and software revision, then its discovery); every reading becomes
 * one state message in the outbox ({@link DiskOutbox}), which the {@link MqttLink} publishes.
 */
public final class ReadingPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ReadingPublisher.class);

  private final Topics topics;
  private final Discovery discovery;
  private final DiskOutbox outbox;
  private final MqttLink link;
  private final Map<Long, MeterDevice> devices = new ConcurrentHashMap<>();

  public ReadingPublisher(Topics topics, Discovery discovery, DiskOutbox outbox, MqttLink link) {
    this.topics = topics;
    this.discovery = discovery;
    this.outbox = outbox;
    this.link = link;
  }

  /**
   * Takes the reading in {@code exchange}'s body, read from the meter at {@code meterUri} (where
   * GetType goes, through the same connection).
   */
  public void take(Exchange exchange, String meterUri) throws InvalidPayloadException {
    KmpReading reading = exchange.getMessage().getMandatoryBody(KmpReading.class);
    Long serial = reading.getMeterSerial();
    if (serial == null) {
      throw new IllegalStateException("a reading without the meter's serial number: " + reading);
    }
    if (!devices.containsKey(serial)) {
      MeterDevice device =
          identify(exchange.getContext().createProducerTemplate(), meterUri, serial);
      devices.put(serial, device);
      link.discover(serial, discovery.configs(device, reading.getRegisters()));
    }
    int waiting =
        outbox.add(new Publication(topics.state(serial), StateMessage.of(reading), true).toBytes());
    link.wake();
    LOG.info(
        "meter {} read at {}: kept for publishing ({} waiting)",
        serial,
        reading.getReadAt(),
        waiting);
  }

  private static MeterDevice identify(ProducerTemplate template, String meterUri, long serial) {
    try (template) {
      Exchange answer =
          template.request(
              meterUri, e -> e.getMessage().setHeader(KmpConstants.COMMAND, "GetType"));
      if (answer.getException() != null) {
        throw answer.getException();
      }
      GetTypeResponse type = answer.getMessage().getMandatoryBody(GetTypeResponse.class);
      String revision = type.revision() == 0 ? null : type.revisionText();
      LOG.info(
          "meter {} is meter type 0x{} software {}",
          serial,
          String.format("%04X", type.meterType()),
          revision);
      return new MeterDevice(serial, type.meterType(), revision);
    } catch (Exception e) {
      LOG.warn(
          "meter {} did not answer GetType ({}): its Home Assistant device shows no model",
          serial,
          e.getMessage());
      return new MeterDevice(serial, null, null);
    }
  }
}
