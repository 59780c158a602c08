package org.camelkmp.examples.dashboard;

import io.vertx.core.http.HttpServer;
import io.vertx.core.http.impl.HttpServerImpl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.camelkmp.examples.support.ExampleMain;
import org.camelkmp.examples.support.ExampleStartupException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Sets the dashboard up inside camel-main: opens the database ({@code dashboard.db.url}), creates
 * the table, binds the beans the routes use and, once started, checks that the web server got its
 * port and says where to open the page.
 *
 * <p>Beans: {@code dashboardDataSource} (the {@code sql:} endpoint's), {@code readingsApi}, {@code
 * webResources}.
 */
public final class Dashboard extends MainListenerSupport {
  private static final Logger LOG = LoggerFactory.getLogger("kmp-dashboard");

  private DataSource dataSource;
  private JdbcConnectionPool pool;

  @Override
  public void beforeConfigure(BaseMainSupport main) {
    CamelContext context = main.getCamelContext();
    String url = required(context, "dashboard.db.url");
    String user = property(context, "dashboard.db.user").orElse("");
    String password = property(context, "dashboard.db.password").orElse("");
    if (url.startsWith("jdbc:h2:")) {
      // H2's own pool keeps the database open between statements
      pool = JdbcConnectionPool.create(url, user, password);
      dataSource = pool;
    } else {
      // any other database through its JDBC driver on the classpath, a connection per use
      dataSource = new DriverManagerDataSource(url, user, password);
    }
    createSchema(url);
    context.getRegistry().bind("dashboardDataSource", dataSource);
    context.getRegistry().bind("readingsApi", new ReadingsApi(dataSource));
    context.getRegistry().bind("webResources", new WebResources());
    try {
      // the pool closes with the Camel context, after the routes that use it have stopped
      context.addService(
          new ServiceSupport() {
            @Override
            protected void doStop() {
              closePool();
            }
          },
          true,
          true);
    } catch (Exception e) {
      closePool();
      throw new IllegalStateException("cannot tie the database to the Camel context", e);
    }
  }

  @Override
  public void afterStart(BaseMainSupport main) {
    CamelContext context = main.getCamelContext();
    int port;
    try {
      port = servedPort(context);
    } catch (ExampleStartupException e) {
      ExampleMain.stop(main, e);
      return;
    }
    LOG.info(
        "reading {} every {}, storing in {}",
        property(context, "kmp.uri").orElse("?"),
        property(context, "kmp.delay").orElse("?"),
        storage(property(context, "dashboard.db.url").orElse("?")));
    LOG.info("dashboard ready: open {}", pageUrl(context, port));
  }

  /**
   * The port the page is served on, as the web server bound it (with camel.server.port=0 one the
   * system chose).
   *
   * @throws ExampleStartupException when the server could not bind its port
   */
  static int servedPort(CamelContext context) {
    VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
    if (server == null) {
      throw new ExampleStartupException(
          "no web server: set camel.server.enabled=true to serve the dashboard");
    }
    HttpServer http = server.getServer();
    // Camel logs a failed bind and starts anyway; Vert.x's server then reports the port it was
    // asked for, so only its implementation tells whether it listens
    boolean listening =
        http != null && (!(http instanceof HttpServerImpl impl) || impl.isListening());
    int port = listening ? http.actualPort() : 0;
    if (port <= 0) {
      int suggested = server.getConfigurationPort() > 0 ? server.getConfigurationPort() + 1 : 8081;
      throw new ExampleStartupException(
          "cannot serve the dashboard on "
              + server.getHost()
              + ":"
              + server.getConfigurationPort()
              + ": the web server could not bind the port (another program uses it? another"
              + " kmp-dashboard?); stop that program or choose a free port with"
              + " camel.server.port, e.g. --camel.server.port="
              + suggested
              + " or CAMEL_SERVER_PORT="
              + suggested);
    }
    return port;
  }

  @Override
  public void afterStop(BaseMainSupport main) {
    closePool();
  }

  /** Where the rows go: for an H2 file its absolute path, otherwise the JDBC URL. */
  static String storage(String url) {
    String prefix = "jdbc:h2:file:";
    if (url.startsWith(prefix)) {
      String path = url.substring(prefix.length()).split(";", 2)[0];
      if (path.startsWith("~/")) {
        path = System.getProperty("user.home") + path.substring(1);
      }
      return java.nio.file.Path.of(path + ".mv.db").toAbsolutePath().normalize().toString();
    }
    return url;
  }

  /** Where the page is, as a person on this machine opens it. */
  static String pageUrl(CamelContext context, int port) {
    String host = property(context, "camel.server.host").orElse("0.0.0.0");
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1")) {
      host = "localhost";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port + "/";
  }

  private void createSchema(String url) {
    String sql;
    try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream("sql/schema.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("sql/schema.sql is missing from the classpath", e);
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String part : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!part.isBlank()) {
          statement.execute(part);
        }
      }
    } catch (SQLException e) {
      closePool();
      throw new ExampleStartupException(
          "cannot open the database "
              + url
              + " ("
              + e.getMessage()
              + "); check dashboard.db.url, or dashboard.db.path for the H2 file",
          e);
    }
  }

  private synchronized void closePool() {
    if (pool != null) {
      pool.dispose();
      pool = null;
    }
  }

  private static String required(CamelContext context, String key) {
    return property(context, key)
        .filter(v -> !v.isBlank())
        .orElseThrow(() -> new ExampleStartupException(key + " is not set"));
  }

  private static Optional<String> property(CamelContext context, String key) {
    return context.getPropertiesComponent().resolveProperty(key);
  }
}
