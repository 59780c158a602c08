package org.camelkmp.component.kmp;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Producer health: DOWN while the last exchange on the port failed, UP otherwise, with the port,
 * counters, last success and last error as details. Needs camel-health, an optional dependency:
 * created only through {@link KmpHealthChecks}.
 */
final class KmpProducerHealthCheck extends AbstractHealthCheck {
  private final KmpConnection connection;

  KmpProducerHealthCheck(String id, KmpConnection connection) {
    super("camel", "producer:kmp-" + id);
    this.connection = connection;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    KmpHealthChecks.details(connection).forEach(builder::detail);
    Instant success = connection.lastSuccess();
    Instant failure = connection.lastFailure();
    if (failure != null && (success == null || failure.isAfter(success))) {
      builder
          .down()
          .message("last exchange on " + connection.port() + " failed: " + connection.lastError());
    } else {
      builder.up();
    }
  }
}
