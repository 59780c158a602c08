package org.camelkmp.component.kmp.writes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.KmpWriteNotAllowedException;
import org.camelkmp.component.kmp.support.MeterTap;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.error.KmpPortSilentException;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.RawRequest;
import org.camelkmp.kmp.message.RawResponse;
import org.camelkmp.kmp.simulator.MeterConfig;
import org.camelkmp.kmp.simulator.MeterSimulator;
import org.junit.jupiter.api.Test;

/**
 * Only commands known to be read-only go out without allowWrites=true: a raw request with a CID
 * this library does not know (a vendor family such as 0xB8) may change the meter and is refused
 * before any byte leaves. The refusal is a policy, not a line failure: a route that retries
 * KmpException does not retry it.
 */
class UnknownCommandsNeedOptInTest extends CamelTestSupport {
  private MeterSimulator simulator;
  private MeterTap tap;
  private final AtomicInteger redeliveries = new AtomicInteger();

  @Override
  protected void doPreSetup() {
    simulator = MeterSimulator.builder().meter(MeterConfig.defaults()).tcpPort(0).start();
    tap = new MeterTap(simulator.tcpPort());
  }

  @Override
  protected void doPostTearDown() {
    tap.close();
    simulator.close();
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    String uri = "kmp:socket://127.0.0.1:" + tap.port() + "?timeout=300&quietTime=20&retries=0";
    return new RouteBuilder() {
      @Override
      public void configure() {
        onException(KmpException.class)
            .maximumRedeliveries(3)
            .redeliveryDelay(0)
            .onRedelivery(e -> redeliveries.incrementAndGet());
        from("direct:read").to(uri);
        from("direct:write").to(uri + "&allowWrites=true");
      }
    };
  }

  @Test
  void aRawRequestWithAnUnknownCidIsRefusedOnceAndNeverReachesTheMeter() {
    Exchange exchange =
        template.request(
            "direct:read", e -> e.getMessage().setBody(new RawRequest(0xB8, new byte[] {1, 2})));
    assertThat(exchange.getException())
        .isInstanceOf(KmpWriteNotAllowedException.class)
        .isNotInstanceOf(KmpException.class)
        .hasMessage(
            "CID 0xB8 is not a known read-only command and is refused on socket://127.0.0.1:"
                + tap.port()
                + ": set allowWrites=true on the endpoint to send it");
    assertThat(redeliveries).as("redeliveries of a policy refusal").hasValue(0);
    assertThat(tap.requests()).as("request frames at the meter").isEmpty();
  }

  @Test
  void aRawRequestWithAKnownReadOnlyCidGoesOut() {
    Object answer =
        template.requestBody("direct:read", new RawRequest(CommandId.GET_TYPE.code(), new byte[0]));
    assertThat(answer).isNotNull().isNotInstanceOf(RawResponse.class);
    assertThat(tap.count(CommandId.GET_TYPE)).isEqualTo(1);
  }

  @Test
  void withAllowWritesAnUnknownCidGoesOutAndSilenceIsRetriedAsALineFailure() {
    Exchange exchange =
        template.request(
            "direct:write", e -> e.getMessage().setBody(new RawRequest(0xB8, new byte[] {1, 2})));
    assertThat(exchange.getException()).isInstanceOf(KmpPortSilentException.class);
    assertThat(redeliveries).hasValue(3);
    assertThat(tap.requests()).hasSize(4).allSatisfy(r -> assertThat(r.cid()).isEqualTo(0xB8));
  }
}
