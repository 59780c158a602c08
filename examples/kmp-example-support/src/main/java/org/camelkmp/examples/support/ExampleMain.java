package org.camelkmp.examples.support;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainSupport;

/**
 * Runs an example's camel-main as its {@code main} method does. Arguments {@code --name=value} set
 * the property {@code name} over application.properties, system properties and the environment; the
 * other arguments go to Camel's {@code Main} ({@code -d 60} stops after a minute). A failure a user
 * can fix (an {@link ExampleStartupException} anywhere in the cause chain) ends with that one line
 * on stderr, {@code <name>: <message>}, and exit status 2; any other failure (a bug) with a stack
 * trace and status 1.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   ExampleMain.run("kmp-to-file", createMain(), args);
 * }
 * }</pre>
 */
public final class ExampleMain {
  /** Exit status of a failure the user can fix: a bad setting, a busy port. */
  public static final int BAD_SETTING = 2;

  /** A failure found once the example had started, see {@link #stop}. */
  private static final AtomicReference<ExampleStartupException> STOPPED = new AtomicReference<>();

  private ExampleMain() {}

  /**
   * Stops an example that started but cannot do its work (its web server did not get its port):
   * Camel stops the routes gracefully, then {@link #run(String, Main, String[])} prints {@code
   * failure}'s one line and exits with status 2. For a {@code MainListener}'s {@code afterStart},
   * where a thrown exception would be logged with its stack trace and the application would go on.
   */
  public static void stop(BaseMainSupport main, ExampleStartupException failure) {
    STOPPED.compareAndSet(null, failure);
    if (main instanceof MainSupport running) {
      running.completed();
    } else {
      throw failure;
    }
  }

  /** Runs {@code main} until it stops, then exits the JVM with a non-zero status if it failed. */
  public static void run(String name, Main main, String[] args) {
    int code = run(name, main, args, System.err);
    if (code != 0) {
      // an embedded simulator's or receiver's threads would keep a failed start alive
      System.exit(code);
    }
  }

  /** Runs {@code main}; what {@link #run(String, Main, String[])} exits with. */
  static int run(String name, Main main, String[] args, PrintStream err) {
    try {
      main.run(camelArguments(main, args));
      ExampleStartupException stopped = STOPPED.getAndSet(null);
      if (stopped != null) {
        err.println(name + ": " + oneLine(stopped.getMessage()));
        return BAD_SETTING;
      }
      return main.getExitCode();
    } catch (Exception e) {
      stopQuietly(main);
      ExampleStartupException startup = startupFailure(e);
      if (startup != null) {
        err.println(name + ": " + oneLine(startup.getMessage()));
        return BAD_SETTING;
      }
      err.println(name + " could not start:");
      e.printStackTrace(err);
      return 1;
    }
  }

  /**
   * Sets each {@code --name=value} of {@code args} as an override property of {@code main}; returns
   * the other arguments, for Camel's {@code Main}.
   */
  static String[] camelArguments(Main main, String[] args) {
    java.util.List<String> rest = new java.util.ArrayList<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        main.addOverrideProperty(arg.substring(2, eq), arg.substring(eq + 1));
      } else {
        rest.add(arg);
      }
    }
    return rest.toArray(String[]::new);
  }

  /** The user-fixable failure in {@code failure}'s cause chain, or null. */
  static ExampleStartupException startupFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ExampleStartupException startup) {
        return startup;
      }
    }
    return null;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** Stops what did start (routes, simulator, database) before the JVM exits. */
  private static void stopQuietly(Main main) {
    try {
      main.stop();
    } catch (Exception | Error ignored) {
      // the JVM exits next; the failure being reported is the one that matters
    }
  }
}
