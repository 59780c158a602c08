package org.camelkmp.kmp.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated catalogue resources shipped in this package. */
final class Tsv {
  private Tsv() {}

  /** Rows of a TSV resource beside this class, header skipped, each padded to {@code columns}. */
  static List<String[]> read(String resource, int columns) {
    try (InputStream in = Tsv.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalogue resource " + resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = i < fields.length ? fields[i].trim() : "";
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalogue resource " + resource, e);
    }
  }
}
