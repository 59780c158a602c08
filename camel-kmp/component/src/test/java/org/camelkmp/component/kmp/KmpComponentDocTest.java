package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The option and header tables of {@code src/main/docs/kmp-component.adoc} are rendered from the
 * component JSON that camel-package-maven-plugin generates. This test fails when they are stale;
 * run it with {@code -Dkmp.docs.update=true} to rewrite them.
 */
class KmpComponentDocTest {
  private static final Path DOC = Path.of("src/main/docs/kmp-component.adoc");

  @Test
  void optionAndHeaderTablesMatchTheGeneratedMetadata() throws IOException {
    JsonNode json;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/org/camelkmp/component/kmp/kmp.json")) {
      json = new ObjectMapper().readTree(in);
    }
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String updated = doc;
    updated =
        replaceSection(updated, "component-options", optionTable(json.get("componentProperties")));
    updated = replaceSection(updated, "endpoint-options", optionTable(json.get("properties")));
    updated = replaceSection(updated, "headers", headerTable(json.get("headers")));
    if (Boolean.getBoolean("kmp.docs.update")) {
      Files.writeString(DOC, updated, StandardCharsets.UTF_8);
    }
    assertThat(doc)
        .as(
            "kmp-component.adoc tables are stale: run mvn test -Dtest=KmpComponentDocTest -Dkmp.docs.update=true")
        .isEqualTo(updated);
  }

  private static String replaceSection(String doc, String name, String content) {
    String start = "// " + name + ": START\n";
    String end = "// " + name + ": END\n";
    int from = doc.indexOf(start);
    int to = doc.indexOf(end);
    assertThat(from).as("marker " + start.trim()).isNotNegative();
    assertThat(to).as("marker " + end.trim()).isGreaterThan(from);
    return doc.substring(0, from + start.length()) + content + doc.substring(to);
  }

  private static String optionTable(JsonNode options) {
    StringBuilder table = new StringBuilder();
    table.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
    table.append("| Name | Description | Default | Type\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> option = it.next();
      JsonNode o = option.getValue();
      table
          .append("| *")
          .append(option.getKey())
          .append("* (")
          .append(o.path("group").asText())
          .append(")\n")
          .append("| ")
          .append(escape(o.path("description").asText()))
          .append(enums(o))
          .append('\n')
          .append("| ")
          .append(o.has("defaultValue") ? o.get("defaultValue").asText() : "")
          .append('\n')
          .append("| ")
          .append(escape(o.path("javaType").asText()))
          .append('\n');
    }
    return table.append("|===\n").toString();
  }

  private static String enums(JsonNode option) {
    if (!option.has("enum")) {
      return "";
    }
    StringBuilder values = new StringBuilder(" Values: ");
    for (JsonNode value : option.get("enum")) {
      values.append(value.asText()).append(", ");
    }
    return values.substring(0, values.length() - 2) + ".";
  }

  private static String headerTable(JsonNode headers) {
    StringBuilder table = new StringBuilder();
    table.append("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n");
    table.append("| Name | Description | Type\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      JsonNode h = header.getValue();
      String label = h.path("label").asText();
      table
          .append("| *")
          .append(header.getKey())
          .append("*")
          .append(label.isEmpty() ? "" : " (" + label + ")")
          .append('\n')
          .append("| ")
          .append(escape(h.path("description").asText()))
          .append('\n')
          .append("| ")
          .append(escape(h.path("javaType").asText()))
          .append('\n');
    }
    return table.append("|===\n").toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
