package org.camelkmp.examples.homeassistant;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;

/** One route per meter: poll it, hand each reading to the {@link ReadingPublisher}. */
final class MeterRoutes extends RouteBuilder {
  private final List<String> meters;
  private final String registers;
  private final long delayMillis;
  private final ReadingPublisher publisher;

  MeterRoutes(List<String> meters, String registers, long delayMillis, ReadingPublisher publisher) {
    this.meters = meters;
    this.registers = registers;
    this.delayMillis = delayMillis;
    this.publisher = publisher;
  }

  @Override
  public void configure() {
    for (int i = 0; i < meters.size(); i++) {
      String meter = meters.get(i);
      from(consumerUri(meter))
          .routeId("meter-" + (i + 1))
          .process(exchange -> publisher.take(exchange, meter));
    }
  }

  /** The meter's URI with the registers, the delay and the serial number asked for. */
  String consumerUri(String meter) {
    StringBuilder uri = new StringBuilder(meter);
    char separator = meter.contains("?") ? '&' : '?';
    if (!meter.matches(".*[?&]registers=.*")) {
      uri.append(separator).append("registers=").append(registers);
      separator = '&';
    }
    if (!meter.matches(".*[?&]delay=.*")) {
      uri.append(separator).append("delay=").append(delayMillis);
      separator = '&';
    }
    uri.append(separator).append("readSerialNumber=true");
    return uri.toString();
  }
}
