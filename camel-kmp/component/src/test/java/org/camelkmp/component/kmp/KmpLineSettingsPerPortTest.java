package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.support.SimulatedMeterOnPty;
import org.junit.jupiter.api.Test;

/**
 * One serial port has one set of line settings while it is in use; once its last route is gone it
 * can be used with others in the same CamelContext (a pty ignores the baud rate, so both read).
 */
class KmpLineSettingsPerPortTest extends CamelTestSupport {
  private SimulatedMeterOnPty meter;

  @Override
  protected void doPreSetup() {
    meter = SimulatedMeterOnPty.start(1_200_240L);
  }

  @Override
  protected void doPostTearDown() {
    meter.close();
  }

  private RouteBuilder poller(String id, int baudRate) {
    String uri =
        "kmp:"
            + meter.readerDevice()
            + "?registers=E1&initialDelay=0&delay=20&timeout=500&quietTime=20&baudRate="
            + baudRate;
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri).routeId(id).to("mock:" + id);
      }
    };
  }

  @Test
  void aPortInUseRefusesOtherLineSettingsAndTakesThemOnceItsLastUserIsGone() throws Exception {
    context.addRoutes(poller("at1200", 1200));
    MockEndpoint at1200 = getMockEndpoint("mock:at1200");
    at1200.expectedMinimumMessageCount(1);
    at1200.assertIsSatisfied();

    assertThatThrownBy(() -> context.addRoutes(poller("clash", 2400)))
        .satisfies(
            e ->
                assertThat(rootMessage(e))
                    .contains("conflicting line settings for port " + meter.readerDevice())
                    .contains("in use with 1200 8N2")
                    .contains("asks for 2400 8N2"));
    context.removeRoute("clash");

    context.getRouteController().stopRoute("at1200");
    context.removeRoute("at1200");
    context.addRoutes(poller("at2400", 2400));
    MockEndpoint at2400 = getMockEndpoint("mock:at2400");
    at2400.expectedMinimumMessageCount(1);
    at2400.assertIsSatisfied();
    assertThat(at2400.getReceivedExchanges().get(0).getMessage().getBody(KmpReading.class))
        .isNotNull();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
