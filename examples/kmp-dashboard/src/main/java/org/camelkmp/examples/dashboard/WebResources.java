package org.camelkmp.examples.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Serves the page and its scripts from the classpath: {@code /} is {@code web/index.html}, {@code
 * /app/…} the rest of {@code web/}, {@code /webjars/…} the chart library's WebJars. Nothing is
 * fetched from elsewhere, so the page works without internet access.
 */
public final class WebResources {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "map", "application/json; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon");

  /** {@code GET /}. */
  public byte[] page(Exchange exchange) throws IOException {
    return serve(exchange, "web/index.html");
  }

  /** {@code GET /app/…}: the page's own script and style sheet. */
  public byte[] app(Exchange exchange) throws IOException {
    return serve(exchange, resource(exchange, "/app/", "web/"));
  }

  /** {@code GET /webjars/…}: the chart library. */
  public byte[] webjar(Exchange exchange) throws IOException {
    return serve(exchange, resource(exchange, "/webjars/", "META-INF/resources/webjars/"));
  }

  private static String resource(Exchange exchange, String prefix, String root) {
    String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
    if (path == null) {
      path = "";
    }
    int at = path.indexOf(prefix);
    String rest = at >= 0 ? path.substring(at + prefix.length()) : path;
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    for (String segment : rest.split("/")) {
      if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
        return null;
      }
    }
    return root + rest;
  }

  private byte[] serve(Exchange exchange, String resource) throws IOException {
    String type = resource == null ? null : TYPES.get(extension(resource));
    InputStream in =
        type == null ? null : WebResources.class.getClassLoader().getResourceAsStream(resource);
    // the request's headers are not echoed in the answer
    exchange.getMessage().removeHeaders("*", "Camel*");
    if (in == null) {
      exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
      exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
      return "not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    try (in) {
      exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, type);
      exchange.getMessage().setHeader("X-Content-Type-Options", "nosniff");
      return in.readAllBytes();
    }
  }

  private static String extension(String resource) {
    int dot = resource.lastIndexOf('.');
    return dot < 0 ? "" : resource.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
