package org.camelkmp.examples.homeassistant;

import java.util.List;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.camelkmp.examples.support.DiskOutbox;
import org.camelkmp.examples.support.EmbeddedSimulator;
import org.camelkmp.examples.support.ExampleMain;
import org.camelkmp.examples.support.ExampleStartupException;

/**
 * Reads Kamstrup meters and publishes them to Home Assistant over MQTT: discovery, so that every
 * meter appears as a device with its sensors, and one state message per reading, kept on disk while
 * the broker is away. Settings in {@code application.properties}, overridden by {@code
 * --name=value}, {@code -Dname=value} or the environment ({@code MQTT_URL}).
 */
public final class KmpToHomeAssistantApplication {
  static final String NAME = "kmp-to-home-assistant";

  private KmpToHomeAssistantApplication() {}

  public static void main(String[] args) {
    ExampleMain.run(NAME, createMain(), args);
  }

  /** The application, not yet started. */
  public static Main createMain() {
    Main main = new Main();
    main.addMainListener(new Wiring());
    main.addMainListener(new EmbeddedSimulator());
    return main;
  }

  /** This application's version, from its jar's manifest. */
  static String version() {
    String version = KmpToHomeAssistantApplication.class.getPackage().getImplementationVersion();
    return version != null ? version : "development";
  }

  /**
   * Checks the settings, connects to the broker once (refused credentials stop the start with one
   * line), then adds the meters' routes and ties the MQTT link to the Camel context.
   */
  static final class Wiring extends MainListenerSupport {
    @Override
    public void beforeConfigure(BaseMainSupport main) {
      Settings settings = new Settings(main.getCamelContext());
      List<String> meters = settings.meters();
      String registers = settings.registers();
      long delay = settings.delayMillis();
      String url = settings.mqttUrl();
      String username = settings.username();
      String password = settings.password();
      var socketFactory = settings.trustStore(url);
      String prefix = settings.topicLevel("ha.discovery.prefix", "homeassistant", true);
      String nodeId = settings.topicLevel("ha.node.id", "camel_kmp", false);
      String clientId = settings.optional("mqtt.client-id").orElse("camel-kmp-" + nodeId);
      long reconnectMax = settings.duration("mqtt.reconnect-delay-max", "30s");
      long expireAfter =
          settings.optional("ha.expire-after").isPresent()
              ? settings.duration("ha.expire-after", "45m") / 1000
              : Math.max(60, 3 * delay / 1000);
      var bufferDir = settings.writableDirectory("ha.buffer.dir", "kmp-to-home-assistant-data");
      int bufferMax = (int) Math.min(Integer.MAX_VALUE, settings.atLeast("ha.buffer.max", 1));

      Topics topics = new Topics(prefix, nodeId);
      DiskOutbox outbox = new DiskOutbox(bufferDir.resolve("outbox"), bufferMax, "ha.buffer.max");
      MqttLink link =
          new MqttLink(
              new MqttSettings(url, username, password, socketFactory, clientId, reconnectMax),
              topics,
              outbox,
              reason -> ExampleMain.stop(main, new ExampleStartupException(reason)));
      link.connectFirst()
          .ifPresent(
              refusal -> {
                link.stop();
                throw new ExampleStartupException(refusal);
              });
      ReadingPublisher publisher =
          new ReadingPublisher(topics, new Discovery(topics, expireAfter, version()), outbox, link);
      main.configure().addRoutesBuilder(new MeterRoutes(meters, registers, delay, publisher));
      try {
        main.getCamelContext()
            .addService(
                new ServiceSupport() {
                  @Override
                  protected void doStart() {
                    link.start();
                  }

                  @Override
                  protected void doStop() {
                    link.stop();
                  }
                },
                true,
                true);
      } catch (Exception e) {
        link.stop();
        throw new IllegalStateException("cannot tie the MQTT link to the Camel context", e);
      }
    }
  }
}
