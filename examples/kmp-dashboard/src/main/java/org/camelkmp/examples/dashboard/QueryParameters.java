package org.camelkmp.examples.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query string of a request, parsed from its raw text so that query parameters are never
 * confused with HTTP headers, and checked against the names an endpoint knows.
 */
final class QueryParameters {
  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses {@code a=1&b=2&b=3}; a name without {@code =} has the empty value.
   *
   * @param rawQuery the query as sent (percent-encoded), or null for none
   * @param known the names the endpoint accepts; any other is refused
   * @throws BadRequestException naming the first unknown or malformed parameter
   */
  static QueryParameters parse(String rawQuery, Set<String> known) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
        if (!known.contains(name)) {
          throw new BadRequestException(
              name,
              "unknown parameter '"
                  + name
                  + "': this endpoint takes "
                  + String.join(", ", known.stream().sorted().toList()));
        }
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParameters(values);
  }

  private static String decode(String text, String parameter) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          parameter, "parameter '" + parameter + "' is not valid percent-encoding: " + text);
    }
  }

  /** Every value given for {@code name}, in order; empty when absent. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /**
   * The single value of {@code name}, empty when absent.
   *
   * @throws BadRequestException when given more than once or empty
   */
  Optional<String> single(String name) {
    List<String> given = all(name);
    if (given.isEmpty()) {
      return Optional.empty();
    }
    if (given.size() > 1) {
      throw new BadRequestException(name, "parameter '" + name + "' is given more than once");
    }
    if (given.get(0).isBlank()) {
      throw new BadRequestException(name, "parameter '" + name + "' is empty");
    }
    return Optional.of(given.get(0).trim());
  }
}
