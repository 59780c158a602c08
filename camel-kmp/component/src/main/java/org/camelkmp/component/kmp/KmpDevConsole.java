package org.camelkmp.component.kmp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/** The {@code kmp} dev console: every port in use, its line, users, counters and last error. */
@DevConsole(
    name = "kmp",
    displayName = "Kamstrup KMP",
    description = "KMP ports, counters and last errors")
public class KmpDevConsole extends AbstractDevConsole {

  public KmpDevConsole() {
    super("camel", "kmp", "Kamstrup KMP", "KMP ports, counters and last errors");
  }

  private List<KmpConnection> connections() {
    if (getCamelContext().hasComponent("kmp") instanceof KmpComponent component) {
      return component.activeConnections();
    }
    return List.of();
  }

  @Override
  protected String doCallText(Map<String, Object> options) {
    StringBuilder text = new StringBuilder();
    List<KmpConnection> connections = connections();
    if (connections.isEmpty()) {
      return "No KMP port in use\n";
    }
    for (KmpConnection connection : connections) {
      text.append("Port: ").append(connection.port()).append('\n');
      KmpHealthChecks.details(connection)
          .forEach(
              (key, value) -> {
                if (!key.equals("kmp.port")) {
                  text.append("    ")
                      .append(key.substring(4))
                      .append(": ")
                      .append(value)
                      .append('\n');
                }
              });
    }
    return text.toString();
  }

  @Override
  protected Map<String, Object> doCallJson(Map<String, Object> options) {
    List<Map<String, Object>> ports = new ArrayList<>();
    for (KmpConnection connection : connections()) {
      Map<String, Object> port = new LinkedHashMap<>();
      KmpHealthChecks.details(connection)
          .forEach((key, value) -> port.put(key.substring(4), value));
      ports.add(port);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("ports", ports);
    return root;
  }
}
