package org.camelkmp.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;

class ExampleMainTest {
  @Test
  void argumentsOfTheFormNameValueSetPropertiesOverApplicationProperties() {
    AtomicReference<String> seen = new AtomicReference<>();
    Main main = new Main();
    main.addInitialProperty("example.main.test.delay", "from-application-properties");
    main.addMainListener(
        new MainListenerSupport() {
          @Override
          public void beforeConfigure(BaseMainSupport m) {
            seen.set(
                m.getCamelContext()
                    .getPropertiesComponent()
                    .resolveProperty("example.main.test.delay")
                    .orElse(null));
            throw new ExampleStartupException("stop here");
          }
        });
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        ExampleMain.run(
            "test",
            main,
            new String[] {"--example.main.test.delay=15m"},
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(seen.get()).isEqualTo("15m");
    assertThat(code).isEqualTo(ExampleMain.BAD_SETTING);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("test: stop here\n");
  }

  @Test
  void otherArgumentsGoToCamelsMain() {
    Main main = new Main();

    String[] rest =
        ExampleMain.camelArguments(main, new String[] {"-d", "60", "--a.b=c", "--flag", "x=y"});

    assertThat(rest).containsExactly("-d", "60", "--flag", "x=y");
  }
}
