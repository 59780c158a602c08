package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelkmp.component.kmp.support.SimulatedMeterOnPty;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.junit.jupiter.api.Test;

/**
 * One serial device, one connection, whichever path names it: a link to the device (as {@code
 * /dev/serial/by-id/…} is), the device itself, a path with {@code ./} in it. Seen in the kmp dev
 * console, which lists the ports in use.
 */
class KmpOneConnectionPerSerialPortTest extends CamelTestSupport {
  private SimulatedMeterOnPty meter;

  @Override
  protected void doPreSetup() {
    meter = SimulatedMeterOnPty.start(4_040_404L);
  }

  @Override
  protected void doPostTearDown() {
    meter.close();
  }

  @Override
  protected RouteBuilder createRouteBuilder() throws Exception {
    Path link = Path.of(meter.readerDevice());
    String device = link.toRealPath().toString();
    String dotted = link.getParent() + "/./" + link.getFileName();
    String options = "?timeout=500&quietTime=20&command=GetSerialNo";
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:link").to("kmp:" + link + options);
        from("direct:device").to("kmp:" + device + options);
        from("direct:dotted").to("kmp:" + dotted + options);
      }
    };
  }

  @Test
  void everyPathToOneDeviceSharesOneConnection() {
    for (String route : List.of("direct:link", "direct:device", "direct:dotted")) {
      assertThat(template.requestBody(route, (Object) null))
          .isEqualTo(new GetSerialNoResponse(4_040_404L));
    }
    DevConsole console =
        context
            .getCamelContextExtension()
            .getContextPlugin(DevConsoleRegistry.class)
            .resolveById("kmp");
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
    assertThat((List<?>) json.get("ports"))
        .singleElement()
        .satisfies(port -> assertThat(((Map<?, ?>) port).get("users")).isEqualTo(3));
  }
}
