package org.camelkmp.examples.homeassistant;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.util.TimeUtils;
import org.camelkmp.examples.support.ExampleSettings;
import org.camelkmp.examples.support.ExampleStartupException;
import org.camelkmp.kmp.value.Registers;

/**
 * Reads this example's properties and refuses bad values with one line that names the property and
 * what would be right, before anything connects.
 */
final class Settings extends ExampleSettings {
  Settings(CamelContext context) {
    super(context);
  }

  /**
   * The meters: the lines of {@code kmp.meters.file} when it is set, else {@code kmp.uri}, which
   * may list several URIs separated by commas, semicolons or spaces.
   */
  List<String> meters() {
    var file = optional("kmp.meters.file");
    List<String> uris = new ArrayList<>();
    String source;
    if (file.isPresent()) {
      source = "kmp.meters.file=" + file.get();
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ExampleStartupException(source + ": cannot read the file (" + e + ")", e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (!line.startsWith("kmp:") || line.contains(" ")) {
          throw new ExampleStartupException(
              source
                  + " line "
                  + (i + 1)
                  + ": '"
                  + line
                  + "' is not one kmp: URI (one meter per line, e.g. kmp:/dev/ttyUSB0)");
        }
        uris.add(line);
      }
    } else {
      source = "kmp.uri";
      String value = kmpUri();
      for (String uri : value.split("[\\s,;]+(?=kmp:)")) {
        String trimmed = uri.strip().replaceAll("[,;]$", "");
        if (!trimmed.startsWith("kmp:") || trimmed.contains(" ")) {
          throw new ExampleStartupException(
              "kmp.uri="
                  + value
                  + ": '"
                  + trimmed
                  + "' is not a kmp: URI; separate several meters with commas");
        }
        uris.add(trimmed);
      }
    }
    if (uris.isEmpty()) {
      throw new ExampleStartupException(source + " names no meter; write one kmp: URI per line");
    }
    if (uris.stream().distinct().count() < uris.size()) {
      throw new ExampleStartupException(source + " names the same meter twice: " + uris);
    }
    return uris;
  }

  /** {@code kmp.registers}: catalogue names or ids. */
  String registers() {
    String value = required("kmp.registers", "E1,V1,POWER1,FLOW1,T1,T2,HOUR_COUNTER,INFO");
    try {
      if (Registers.resolveAll(value).isEmpty()) {
        throw new IllegalArgumentException("no register");
      }
    } catch (IllegalArgumentException e) {
      throw new ExampleStartupException("kmp.registers=" + value + ": " + e.getMessage(), e);
    }
    return value;
  }

  /** {@code kmp.delay} in milliseconds. */
  long delayMillis() {
    return duration("kmp.delay", "15m");
  }

  /** A Camel duration ({@code 15m}, {@code 30s}, {@code 1h30m}, plain milliseconds), positive. */
  long duration(String key, String example) {
    String value = required(key, example);
    try {
      long millis = TimeUtils.toMilliSeconds(value);
      if (millis > 0) {
        return millis;
      }
    } catch (RuntimeException e) {
      // refused below
    }
    throw new ExampleStartupException(
        key + "=" + value + " is not a duration such as " + example + ", 30s or 60000 (ms)");
  }

  /**
   * {@code mqtt.url}: {@code tcp://host[:port]} or {@code ssl://host[:port]} ({@code mqtt://} and
   * {@code mqtts://} are taken as their aliases), in Paho's form.
   */
  String mqttUrl() {
    String value = required("mqtt.url", "tcp://homeassistant.local:1883");
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String paho =
          switch (scheme) {
            case "tcp", "mqtt" -> "tcp";
            case "ssl", "mqtts" -> "ssl";
            default -> null;
          };
      boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/");
      if (paho != null && uri.getHost() != null && bare && uri.getQuery() == null) {
        int port = uri.getPort() > 0 ? uri.getPort() : paho.equals("ssl") ? 8883 : 1883;
        return paho + "://" + uri.getHost() + ":" + port;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new ExampleStartupException(
        "mqtt.url="
            + value
            + " is not an MQTT broker address such as tcp://homeassistant.local:1883 or"
            + " ssl://broker:8883");
  }

  /** {@code mqtt.username}, or null. */
  String username() {
    return optional("mqtt.username").orElse(null);
  }

  /** {@code mqtt.password}, else the first line of {@code mqtt.password.file}, or null. */
  String password() {
    var inline = optional("mqtt.password");
    var file = optional("mqtt.password.file");
    if (inline.isPresent() && file.isPresent()) {
      throw new ExampleStartupException(
          "both mqtt.password and mqtt.password.file are set; keep one (the file keeps it out of"
              + " the command line)");
    }
    String password = inline.orElse(null);
    if (file.isPresent()) {
      try {
        List<String> lines = Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8);
        password = lines.isEmpty() ? "" : lines.get(0);
      } catch (IOException e) {
        throw new ExampleStartupException(
            "mqtt.password.file=" + file.get() + ": cannot read the file (" + e + ")", e);
      }
    }
    if (password != null && username() == null) {
      throw new ExampleStartupException(
          "a password is set but mqtt.username is not; set the user name the broker knows");
    }
    return password;
  }

  /**
   * A socket factory trusting {@code mqtt.truststore} (a PEM file of CA certificates, or a PKCS12
   * or JKS store with {@code mqtt.truststore.password}), or null for Java's default trust.
   */
  SSLSocketFactory trustStore(String mqttUrl) {
    var path = optional("mqtt.truststore");
    if (path.isEmpty()) {
      return null;
    }
    if (!mqttUrl.startsWith("ssl:")) {
      throw new ExampleStartupException(
          "mqtt.truststore is set but mqtt.url="
              + mqttUrl
              + " is not TLS; use ssl://host:8883 (or leave mqtt.truststore empty)");
    }
    Path file = Path.of(path.get());
    try {
      byte[] bytes = Files.readAllBytes(file);
      KeyStore store;
      if (new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII)
          .contains("-----BEGIN")) {
        store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(file)) {
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            store.setCertificateEntry("ca-" + i++, c);
          }
        }
        if (i == 0) {
          throw new GeneralSecurityException("no certificate in the file");
        }
      } else {
        char[] password =
            optional("mqtt.truststore.password").map(String::toCharArray).orElse(null);
        store = KeyStore.getInstance(file.toFile(), password);
        if (password != null) {
          Arrays.fill(password, '\0');
        }
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | GeneralSecurityException e) {
      throw new ExampleStartupException(
          "mqtt.truststore="
              + file
              + ": cannot read it as PEM certificates or a PKCS12/JKS trust store ("
              + e.getMessage()
              + "); for a store, check mqtt.truststore.password",
          e);
    }
  }

  /** A topic level without MQTT's wildcards and separators. */
  String topicLevel(String key, String example, boolean allowSlash) {
    String value = required(key, example);
    String allowed = allowSlash ? "[A-Za-z0-9_\\-/]+" : "[A-Za-z0-9_\\-]+";
    if (!value.matches(allowed) || value.startsWith("/") || value.endsWith("/")) {
      throw new ExampleStartupException(
          key
              + "="
              + value
              + " may hold only letters, digits, '_' and '-'"
              + (allowSlash ? " (and '/' between levels)" : "")
              + "; for example "
              + example);
    }
    return value;
  }
}
