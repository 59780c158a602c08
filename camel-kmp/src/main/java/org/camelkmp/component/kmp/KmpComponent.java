package org.camelkmp.component.kmp;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code kmp} component: reads Kamstrup meters over KMP. Owns one connection per port, shared
 * by every consumer and producer on it.
 */
@Component("kmp")
public class KmpComponent extends HealthCheckComponent {
  private final KmpConnectionRegistry connections = new KmpConnectionRegistry();

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    KmpEndpoint endpoint = new KmpEndpoint(uri, this);
    endpoint.setPort(remaining);
    setProperties(endpoint, parameters);
    endpoint.validate();
    return endpoint;
  }

  KmpConnectionRegistry connections() {
    return connections;
  }

  /** The ports in use, for the dev console and health checks. */
  public java.util.List<KmpConnection> activeConnections() {
    return connections.connections();
  }

  @Override
  protected void doStop() throws Exception {
    connections.closeAll();
    super.doStop();
  }
}
