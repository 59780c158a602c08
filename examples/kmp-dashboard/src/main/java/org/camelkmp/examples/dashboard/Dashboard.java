package org.camelkmp.examples.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.camelkmp.examples.support.ExampleStartupException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Sets the dashboard up inside camel-main: checks that its HTTP port is free, opens the database
 * ({@code dashboard.db.url}), creates the table, binds the beans the routes use and, once started,
 * says where to open the page.
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
    checkPortsFree(context);
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
    LOG.info(
        "reading {} every {}, storing in {}",
        property(context, "kmp.uri").orElse("?"),
        property(context, "kmp.delay").orElse("?"),
        storage(property(context, "dashboard.db.url").orElse("?")));
    LOG.info("dashboard ready: open {}", pageUrl(context));
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
  static String pageUrl(CamelContext context) {
    String host = property(context, "camel.server.host").orElse("0.0.0.0");
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1")) {
      host = "localhost";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + property(context, "camel.server.port").orElse("8080") + "/";
  }

  private static void checkPortsFree(CamelContext context) {
    int port = Integer.parseInt(property(context, "camel.server.port").orElse("8080"));
    String host = property(context, "camel.server.host").orElse("0.0.0.0");
    if (port != 0 && !canListen(host, port)) {
      throw new ExampleStartupException(
          "cannot serve the dashboard on "
              + host
              + ":"
              + port
              + ": another program uses the port (another kmp-dashboard?); stop it or choose a"
              + " free port with camel.server.port, e.g. java -Dcamel.server.port="
              + (port + 1)
              + " -jar kmp-dashboard.jar");
    }
  }

  private static boolean canListen(String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
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
