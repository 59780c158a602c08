package org.camelkmp.component.kmp.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application the starter's tests boot: a poller of the meter at {@code meter.port} with no kmp
 * options of its own besides the first poll's delay, so that everything else comes from {@code
 * camel.component.kmp.*}, and a producer asking the same meter for its serial number.
 */
@SpringBootApplication
class KmpTestApplication {

  @Bean
  RouteBuilder meterRoutes() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("kmp:socket://127.0.0.1:{{meter.port}}?initialDelay=0")
            .routeId("meter")
            .to("mock:readings");
        from("direct:serial")
            .routeId("serial")
            .to("kmp:socket://127.0.0.1:{{meter.port}}?command=GetSerialNo");
      }
    };
  }
}
