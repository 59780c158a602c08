package org.camelkmp.examples.http;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.camel.CamelContext;
import org.camelkmp.examples.support.ExampleSettings;
import org.camelkmp.examples.support.ExampleStartupException;

/**
 * Reads this example's properties and refuses bad values with a message that names the property,
 * before any route starts.
 */
final class Settings extends ExampleSettings {
  Settings(CamelContext context) {
    super(context);
  }

  /** An absolute http or https URL with a host. */
  URI httpUrl(String key) {
    String value = required(key, "https://receiver.example/readings");
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new ExampleStartupException(
        key + "=" + value + " is not an http:// or https:// URL with a host");
  }
}
