package org.camelkmp.examples.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.camelkmp.examples.support.EmbeddedSimulator;
import org.camelkmp.examples.support.ExampleMain;
import org.camelkmp.examples.support.ExampleStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Kamstrup meter and stores every register value of every reading as a row in H2 or
 * PostgreSQL. The routes are in {@code routes/kmp-to-database.yaml}, the settings in {@code
 * application.properties}, the table in {@code schema/h2.sql} and {@code schema/postgresql.sql}.
 */
public final class KmpToDatabaseApplication {
  private static final Logger LOG = LoggerFactory.getLogger(KmpToDatabaseApplication.class);

  private KmpToDatabaseApplication() {}

  public static void main(String[] args) {
    ExampleMain.run("kmp-to-database", createMain(), args);
  }

  /**
   * The application, not yet started: checks its settings, creates the table when it is missing
   * (before any route starts), then starts the simulator if asked.
   */
  public static Main createMain() {
    Main main = new Main();
    main.addMainListener(new CheckSettingsAndCreateTable());
    main.addMainListener(new EmbeddedSimulator());
    return main;
  }

  static final class CheckSettingsAndCreateTable extends MainListenerSupport {
    private Database database;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
      Settings settings = new Settings(main.getCamelContext());
      settings.kmpUri();
      database =
          Database.of(
              settings.required(
                  "db.url", "jdbc:h2:file:./data/kmp-readings or jdbc:postgresql://host/db"));
      settings.table("db.table");
      settings.atLeast("db.redeliveries", 0);
      settings.atLeast("db.redelivery-delay", 0);
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
      CamelContext context = main.getCamelContext();
      String url = context.resolvePropertyPlaceholders("{{db.url}}");
      String table = context.resolvePropertyPlaceholders("{{db.table}}");
      DataSource dataSource =
          context.getRegistry().lookupByNameAndType("dataSource", DataSource.class);
      if (dataSource == null) {
        throw new IllegalStateException(
            "no DataSource bean named dataSource (camel.beans.dataSource)");
      }
      String ddl = context.resolvePropertyPlaceholders(resource(database.schema()));
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(ddl);
      } catch (SQLException e) {
        throw new ExampleStartupException(
            "db.url="
                + url
                + ": cannot create the table "
                + table
                + ": "
                + e.getMessage()
                + "; check db.url, db.user and db.password, and that the database is running",
            e);
      }
      if (database == Database.H2) {
        closeAfterTheRoutes(context, dataSource, url);
      }
      LOG.info("storing readings in table {} of {}", table, url);
    }

    /**
     * Closes an H2 database once the routes have stopped, after their last insert: the default URL
     * turns off H2's own shutdown hook (DB_CLOSE_ON_EXIT=FALSE), which would otherwise close the
     * database under a reading still being stored.
     */
    private static void closeAfterTheRoutes(
        CamelContext context, DataSource dataSource, String url) {
      try {
        context.addService(
            new ServiceSupport() {
              @Override
              protected void doStop() {
                try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                  statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                  LOG.warn("db.url={}: cannot close the database: {}", url, e.getMessage());
                }
              }
            },
            true,
            true);
      } catch (Exception e) {
        throw new IllegalStateException("cannot tie the database to the Camel context", e);
      }
    }

    private static String resource(String name) {
      try (InputStream in =
          KmpToDatabaseApplication.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is missing from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + name, e);
      }
    }
  }
}
