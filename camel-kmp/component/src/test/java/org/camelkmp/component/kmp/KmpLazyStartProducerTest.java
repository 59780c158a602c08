package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.kmp.error.KmpTransportException;
import org.junit.jupiter.api.Test;

/** A route whose meter head is unplugged still starts; the exchange fails with a clear error. */
class KmpLazyStartProducerTest extends CamelTestSupport {

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:read")
            .routeId("reader")
            .to("kmp:/dev/kmp-head-unplugged?registers=E1&lazyStartProducer=true");
      }
    };
  }

  @Test
  void routeStartsAndTheExchangeNamesTheMissingPort() {
    assertThat(context.getRouteController().getRouteStatus("reader").isStarted()).isTrue();
    Exchange exchange = template.request("direct:read", e -> {});
    assertThat(exchange.getException())
        .isInstanceOf(KmpTransportException.class)
        .hasMessageContaining("/dev/kmp-head-unplugged");
  }
}
