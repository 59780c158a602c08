package org.camelkmp.examples.database;

import java.util.Locale;
import org.camelkmp.examples.support.ExampleStartupException;

/** The databases the example creates its table in, told apart by the JDBC URL. */
enum Database {
  H2("jdbc:h2:", "schema/h2.sql"),
  POSTGRESQL("jdbc:postgresql:", "schema/postgresql.sql");

  private final String urlPrefix;
  private final String schema;

  Database(String urlPrefix, String schema) {
    this.urlPrefix = urlPrefix;
    this.schema = schema;
  }

  /** The classpath resource with the CREATE TABLE statement. */
  String schema() {
    return schema;
  }

  /**
   * The database of {@code url}.
   *
   * @throws ExampleStartupException naming db.url when it is neither H2 nor PostgreSQL
   */
  static Database of(String url) {
    for (Database d : values()) {
      if (url.toLowerCase(Locale.ROOT).startsWith(d.urlPrefix)) {
        return d;
      }
    }
    throw new ExampleStartupException(
        "db.url="
            + url
            + " is neither H2 (jdbc:h2:file:./data/kmp-readings) nor PostgreSQL"
            + " (jdbc:postgresql://host:5432/database), the databases this example creates its"
            + " table in");
  }
}
