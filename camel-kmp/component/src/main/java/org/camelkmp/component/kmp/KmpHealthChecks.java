package org.camelkmp.component.kmp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;

/**
 * Registers producer health checks when camel-health is on the class path; does nothing otherwise.
 * Keeps every reference to camel-health's classes out of the producer itself.
 */
final class KmpHealthChecks {
  private KmpHealthChecks() {}

  /** Adds a producer check to the producers repository; null when there is none. */
  static HealthCheck registerProducer(CamelContext context, String id, KmpConnection connection) {
    WritableHealthCheckRepository repository =
        HealthCheckHelper.getHealthCheckRepository(
            context, "producers", WritableHealthCheckRepository.class);
    if (repository == null) {
      return null;
    }
    KmpProducerHealthCheck check = new KmpProducerHealthCheck(id, connection);
    check.setCamelContext(context);
    repository.addHealthCheck(check);
    return check;
  }

  static void unregisterProducer(CamelContext context, HealthCheck check) {
    WritableHealthCheckRepository repository =
        HealthCheckHelper.getHealthCheckRepository(
            context, "producers", WritableHealthCheckRepository.class);
    if (repository != null && check != null) {
      repository.removeHealthCheck(check);
    }
  }

  /** What the health checks and the dev console tell about a port. */
  static Map<String, Object> details(KmpConnection connection) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kmp.port", connection.port());
    details.put("kmp.line", connection.lineSettings().toString());
    details.put("kmp.open", connection.isOpen());
    details.put("kmp.users", connection.users());
    details.put("kmp.transactions", connection.transactions());
    details.put("kmp.failures", connection.failures());
    if (connection.lastSuccess() != null) {
      details.put("kmp.last.success", connection.lastSuccess().toString());
    }
    if (connection.lastFailure() != null) {
      details.put("kmp.last.failure", connection.lastFailure().toString());
      details.put("kmp.last.error", connection.lastError());
    }
    return details;
  }
}
