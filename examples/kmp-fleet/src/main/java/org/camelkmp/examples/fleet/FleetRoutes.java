package org.camelkmp.examples.fleet;

import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.camelkmp.component.kmp.KmpConstants;
import org.camelkmp.examples.support.DiskOutbox;

/**
 * The route template {@value #TEMPLATE}, one route per meter made from it: poll the meter, keep the
 * reading in the outbox ({@link DiskOutbox}) for Kafka. The route id is {@code meter-<id>}; {@link
 * ShardPolicies} ties it to its shard's election.
 */
final class FleetRoutes extends RouteBuilder {
  static final String TEMPLATE = "kmp-meter";
  static final String ROUTE_PREFIX = "meter-";

  private final List<MeterEntry> meters;
  private final DiskOutbox outbox;

  FleetRoutes(List<MeterEntry> meters, DiskOutbox outbox) {
    this.meters = meters;
    this.outbox = outbox;
  }

  @Override
  public void configure() {
    routeTemplate(TEMPLATE)
        .templateParameter("uri")
        .templateParameter("meter")
        .from("{{uri}}")
        .process(this::keep);
    for (MeterEntry meter : meters) {
      templatedRoute(TEMPLATE)
          .routeId(ROUTE_PREFIX + meter.id())
          .parameter("uri", meter.consumerUri())
          .parameter("meter", meter.id());
    }
  }

  private void keep(Exchange exchange) {
    var message = exchange.getMessage();
    Long serial = message.getHeader(KmpConstants.METER_SERIAL, Long.class);
    Instant readAt = message.getHeader(KmpConstants.READ_TIMESTAMP, Instant.class);
    String meter = exchange.getFromRouteId().substring(ROUTE_PREFIX.length());
    String json = message.getBody(String.class);
    String key = serial != null ? String.valueOf(serial) : meter;
    outbox.add(new Reading(key, key + "@" + readAt, meter, json).toBytes());
  }
}
