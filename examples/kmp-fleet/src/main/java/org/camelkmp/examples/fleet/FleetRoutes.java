package org.camelkmp.examples.fleet;

import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.camelkmp.component.kmp.KmpConstants;

/**
 * The route template {@value #TEMPLATE}, one route per meter made from it: poll the meter, keep the
 * reading in the {@link Outbox} for Kafka. The route id is {@code meter-<id>}; {@link
 * ShardPolicies} ties it to its shard's election.
 */
final class FleetRoutes extends RouteBuilder {
  static final String TEMPLATE = "kmp-meter";
  static final String ROUTE_PREFIX = "meter-";

  private final List<MeterEntry> atOnce;
  private final Outbox outbox;

  /**
   * @param atOnce the meters whose routes are made with the template right away (those of the
   *     shards this node is preferred for)
   */
  FleetRoutes(List<MeterEntry> atOnce, Outbox outbox) {
    this.atOnce = atOnce;
    this.outbox = outbox;
  }

  @Override
  public void configure() {
    routeTemplate(TEMPLATE)
        .templateParameter("uri")
        .templateParameter("meter")
        .from("{{uri}}")
        .process(this::keep);
    for (MeterEntry meter : atOnce) {
      templatedRoute(TEMPLATE)
          .routeId(ROUTE_PREFIX + meter.id())
          .parameter("uri", meter.consumerUri())
          .parameter("meter", meter.id());
    }
  }

  /** Adds the route of {@code meter} to a running context. */
  static void add(CamelContext context, MeterEntry meter) {
    TemplatedRouteBuilder.builder(context, TEMPLATE)
        .routeId(ROUTE_PREFIX + meter.id())
        .parameter("uri", meter.consumerUri())
        .parameter("meter", meter.id())
        .add();
  }

  private void keep(Exchange exchange) {
    var message = exchange.getMessage();
    Long serial = message.getHeader(KmpConstants.METER_SERIAL, Long.class);
    Instant readAt = message.getHeader(KmpConstants.READ_TIMESTAMP, Instant.class);
    String meter = exchange.getFromRouteId().substring(ROUTE_PREFIX.length());
    String json = message.getBody(String.class);
    String key = serial != null ? String.valueOf(serial) : meter;
    outbox.add(new Reading(key, key + "@" + readAt, meter, json));
  }
}
