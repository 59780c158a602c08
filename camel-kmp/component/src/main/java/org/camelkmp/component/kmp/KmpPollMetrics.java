package org.camelkmp.component.kmp;

import org.apache.camel.CamelContext;

/**
 * What the consumer tells about each poll, for metrics. {@link #NONE} when no Micrometer registry
 * is there; {@link KmpMicrometerMetrics} when Camel's registry holds a Micrometer {@code
 * MeterRegistry} (camel-micrometer, camel-micrometer-prometheus or Spring Boot's actuator put one
 * there). The component does not need Micrometer otherwise: that class is loaded only when it is on
 * the classpath.
 */
interface KmpPollMetrics {
  /** Tells nothing to no one. */
  KmpPollMetrics NONE =
      new KmpPollMetrics() {
        @Override
        public void succeeded(long nanos, int requests, long bytes) {}

        @Override
        public void failed(long nanos, Exception failure) {}

        @Override
        public void close() {}
      };

  /** A poll read the meter: it took {@code nanos}, {@code requests} and {@code bytes} both ways. */
  void succeeded(long nanos, int requests, long bytes);

  /** A poll failed with {@code failure} after {@code nanos}. */
  void failed(long nanos, Exception failure);

  /** The consumer stopped: its meters go. */
  void close();

  /**
   * The metrics of one consumer, in the Micrometer registry of {@code context} once it has one;
   * {@link #NONE} without Micrometer on the classpath.
   */
  static KmpPollMetrics of(CamelContext context, String port, int address, String route) {
    try {
      Class.forName(
          "io.micrometer.core.instrument.MeterRegistry",
          false,
          KmpPollMetrics.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return NONE;
    }
    return new KmpMicrometerMetrics(context, port, address, route == null ? "" : route);
  }
}
