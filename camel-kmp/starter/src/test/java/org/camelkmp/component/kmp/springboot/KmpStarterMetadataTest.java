package org.camelkmp.component.kmp.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * The IDE metadata the configuration processor writes for {@code camel.component.kmp.*} says what
 * the component's own catalogue ({@code kmp.json}, generated from its {@code @Metadata}) says:
 * every component option has a property, with the same description and the same default. A new
 * option in the component, or a reworded description, fails here until the starter follows.
 */
class KmpStarterMetadataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "camel.component.kmp.";

  @Test
  void everyComponentOptionHasAPropertyWithItsDescriptionAndDefault() throws IOException {
    Map<String, JsonNode> properties = springProperties();
    Iterator<Entry<String, JsonNode>> options =
        read("META-INF/org/camelkmp/component/kmp/kmp.json").get("componentProperties").fields();
    int compared = 0;
    while (options.hasNext()) {
      Entry<String, JsonNode> option = options.next();
      if (option.getValue().get("type").asText().equals("object")) {
        continue; // the holder of the flat options below, not a value a property can carry
      }
      JsonNode property = properties.get(PREFIX + kebab(option.getKey()));
      assertThat(property).as("property for option %s", option.getKey()).isNotNull();
      assertThat(text(property.get("description")))
          .as("description of %s", option.getKey())
          .isEqualTo(text(option.getValue().get("description")));
      assertThat(defaultOf(property, option.getValue()))
          .as("default of %s", option.getKey())
          .isEqualTo(defaultOf(option.getValue()));
      compared++;
    }
    assertThat(compared).isEqualTo(22);
    assertThat(properties.get(PREFIX + "enabled").get("description").asText()).isNotBlank();
    assertThat(properties.get(PREFIX + "customizer.enabled").get("description").asText())
        .isNotBlank();
  }

  private static Map<String, JsonNode> springProperties() throws IOException {
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode property :
        read("META-INF/spring-configuration-metadata.json").get("properties")) {
      byName.put(property.get("name").asText(), property);
    }
    return byName;
  }

  /** The Spring default in the component's terms: durations as milliseconds, enums by name. */
  private static String defaultOf(JsonNode property, JsonNode option) {
    JsonNode value = property.get("defaultValue");
    if (value == null) {
      return null;
    }
    return switch (option.get("type").asText()) {
      case "duration" -> String.valueOf(DurationStyle.detectAndParse(value.asText()).toMillis());
      case "enum" -> normalised(value.asText());
      default -> value.asText();
    };
  }

  /** The component's default, durations in milliseconds as its {@code @Metadata} gives them. */
  private static String defaultOf(JsonNode option) {
    JsonNode value = option.get("defaultValue");
    if (value == null) {
      return null;
    }
    return switch (option.get("type").asText()) {
      case "duration" -> String.valueOf(Duration.ofMillis(value.asLong()).toMillis());
      case "enum" -> normalised(value.asText());
      default -> value.asText();
    };
  }

  /** Spring writes enum defaults in lower case with dashes; Camel names the constant. */
  private static String normalised(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  private static String text(JsonNode node) {
    return node == null ? null : node.asText().replaceAll("\\s+", " ").trim();
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in =
        KmpStarterMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }
}
