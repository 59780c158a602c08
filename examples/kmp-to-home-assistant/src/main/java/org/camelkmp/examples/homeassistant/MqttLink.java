package org.camelkmp.examples.homeassistant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.camelkmp.examples.support.DiskOutbox;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to the MQTT broker, and the one thread that publishes: on every connect it
 * says {@code online} (its last will says {@code offline}), subscribes to Home Assistant's status,
 * sends every meter's discovery, then the outbox ({@link DiskOutbox}) in order, each message only
 * after the one before was acknowledged (QoS 1). When the broker goes away it tries again, waiting
 * 1 s, then twice as long each time up to the configured maximum; readings meanwhile wait in the
 * outbox. When Home Assistant says {@code online} the discovery is sent again.
 */
public final class MqttLink {
  private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
  private static final long TIMEOUT_MILLIS = 10_000;

  /** CONNACK reason codes no retry can fix: the broker refused these credentials or this client. */
  private static final Set<Integer> REFUSALS = Set.of(0x85, 0x86, 0x87, 0x8A, 0x8C, 4, 5);

  private final MqttSettings settings;
  private final Topics topics;
  private final DiskOutbox outbox;
  private final Consumer<String> fatal;
  private final MqttAsyncClient client;
  private final Map<Long, List<Publication>> discovery = new LinkedHashMap<>();
  private final Set<Long> undiscovered = new java.util.LinkedHashSet<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean woken;
  private volatile boolean running;
  private Thread publisher;
  private boolean everConnected;

  /**
   * @param fatal told a one-line reason when the broker refuses the credentials: the application
   *     cannot go on
   */
  public MqttLink(MqttSettings settings, Topics topics, DiskOutbox outbox, Consumer<String> fatal) {
    this.settings = settings;
    this.topics = topics;
    this.outbox = outbox;
    this.fatal = fatal;
    try {
      client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      throw new IllegalArgumentException(settings.url() + ": " + e.getMessage(), e);
    }
    client.setCallback(new Callback());
  }

  /**
   * Connects once, before the meters are read. Returns normally when connected or when the broker
   * is not reachable (the publisher keeps trying); returns the refusal when the broker refused the
   * credentials.
   */
  public Optional<String> connectFirst() {
    try {
      connect();
      return Optional.empty();
    } catch (MqttException e) {
      if (isRefusal(e)) {
        return Optional.of(refusal(e));
      }
      LOG.warn(
          "MQTT broker {} not reachable ({}): readings wait in {} until it is",
          settings,
          describe(e),
          outbox.directory());
      return Optional.empty();
    }
  }

  /** Starts the publisher thread. */
  public void start() {
    running = true;
    publisher = new Thread(this::publish, "kmp-mqtt-publisher");
    publisher.setDaemon(true);
    publisher.start();
  }

  /** Adds (or replaces) the discovery of one meter and sends it as soon as connected. */
  public void discover(long serial, List<Publication> configs) {
    lock.lock();
    try {
      discovery.put(serial, List.copyOf(configs));
      undiscovered.add(serial);
    } finally {
      lock.unlock();
    }
    wake();
  }

  /** Tells the publisher that the outbox has a new message. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether connected to the broker now. */
  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Stops publishing, says {@code offline} and disconnects; what was not published stays in the
   * outbox for the next start.
   */
  public void stop() {
    running = false;
    wake();
    if (publisher != null) {
      try {
        publisher.join(TIMEOUT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (client.isConnected()) {
        client
            .publish(topics.availability(), message("offline".getBytes(StandardCharsets.UTF_8)))
            .waitForCompletion(TIMEOUT_MILLIS);
        client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect from {}: {}", settings, e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("close: {}", e.toString());
    }
  }

  private void publish() {
    long backoff = 1000;
    boolean warned = false;
    while (running) {
      if (!client.isConnected()) {
        try {
          connect();
          backoff = 1000;
          warned = false;
        } catch (MqttException e) {
          if (isRefusal(e)) {
            fatal.accept(refusal(e));
            return;
          }
          if (!warned) {
            LOG.warn(
                "MQTT broker {} not reachable ({}): readings wait in {} ({} now), trying again",
                settings,
                describe(e),
                outbox.directory(),
                outbox.size());
            warned = true;
          }
          await(backoff);
          backoff = Math.min(backoff * 2, settings.reconnectMaxDelayMillis());
          continue;
        }
      }
      try {
        sendDiscovery();
        Optional<DiskOutbox.Entry> entry;
        while (running && (entry = outbox.oldest()).isPresent()) {
          Publication p = Publication.fromBytes(entry.get().bytes());
          send(p);
          outbox.delivered(entry.get());
          LOG.info("published {} ({} more waiting)", p.topic(), outbox.size());
        }
      } catch (MqttException e) {
        LOG.warn("MQTT broker {} lost ({}): trying again", settings, describe(e));
        disconnectQuietly();
        continue;
      }
      await(60_000);
    }
  }

  private void connect() throws MqttException {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout((int) (TIMEOUT_MILLIS / 1000));
    options.setKeepAliveInterval(30);
    if (settings.username() != null) {
      options.setUserName(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    }
    if (settings.socketFactory() != null) {
      options.setSocketFactory(settings.socketFactory());
    }
    options.setWill(topics.availability(), message("offline".getBytes(StandardCharsets.UTF_8)));
    client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
    client.subscribe(topics.homeAssistantStatus(), 1).waitForCompletion(TIMEOUT_MILLIS);
    send(new Publication(topics.availability(), "online".getBytes(StandardCharsets.UTF_8), true));
    lock.lock();
    try {
      undiscovered.addAll(discovery.keySet());
    } finally {
      lock.unlock();
    }
    LOG.info(
        "{} MQTT broker {}: online at {}",
        everConnected ? "connected again to" : "connected to",
        settings,
        topics.availability());
    everConnected = true;
  }

  private void sendDiscovery() throws MqttException {
    while (true) {
      List<Publication> configs;
      long serial;
      lock.lock();
      try {
        if (undiscovered.isEmpty()) {
          return;
        }
        serial = undiscovered.iterator().next();
        configs = new ArrayList<>(discovery.get(serial));
      } finally {
        lock.unlock();
      }
      for (Publication config : configs) {
        send(config);
      }
      lock.lock();
      try {
        undiscovered.remove(serial);
      } finally {
        lock.unlock();
      }
      LOG.info(
          "sent Home Assistant discovery for meter {}: {} entities under {}/",
          serial,
          configs.size(),
          topics.discoveryPrefix());
    }
  }

  private void send(Publication p) throws MqttException {
    MqttMessage message = message(p.payload());
    message.setRetained(p.retained());
    IMqttToken token = client.publish(p.topic(), message);
    token.waitForCompletion(TIMEOUT_MILLIS);
  }

  private static MqttMessage message(byte[] payload) {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    message.setRetained(true);
    return message;
  }

  private void await(long millis) {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
      while (running && !woken && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  private void disconnectQuietly() {
    try {
      client.disconnectForcibly(0, 1000, false);
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.toString());
    }
  }

  /** Whether no retry can help: credentials refused, or a TLS certificate not trusted. */
  private static boolean isRefusal(MqttException e) {
    return REFUSALS.contains(e.getReasonCode()) || tlsFailure(e) != null;
  }

  private static javax.net.ssl.SSLException tlsFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException ssl) {
        return ssl;
      }
    }
    return null;
  }

  private String refusal(MqttException e) {
    javax.net.ssl.SSLException tls = tlsFailure(e);
    if (tls != null) {
      return "the TLS connection to the MQTT broker "
          + settings
          + " failed ("
          + tls.getMessage()
          + "): set mqtt.truststore to the CA certificate (PEM) that signed the broker's"
          + " certificate, and check that the certificate names the host of mqtt.url";
    }
    return "the MQTT broker "
        + settings
        + " refused the connection ("
        + describe(e)
        + "): check mqtt.username and mqtt.password (or mqtt.password.file)";
  }

  private static String describe(MqttException e) {
    Throwable cause = e.getCause();
    String text = e.getMessage();
    if (cause != null && cause.getMessage() != null) {
      text = text + ": " + cause.getMessage();
    }
    return text + " [" + e.getReasonCode() + "]";
  }

  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      LOG.debug("disconnected: {}", response);
      wake();
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.debug("MQTT error: {}", exception.toString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (topic.equals(topics.homeAssistantStatus())
          && "online".equals(new String(message.getPayload(), StandardCharsets.UTF_8).trim())) {
        LOG.info("Home Assistant is online: sending the discovery again");
        lock.lock();
        try {
          undiscovered.addAll(discovery.keySet());
        } finally {
          lock.unlock();
        }
        wake();
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
