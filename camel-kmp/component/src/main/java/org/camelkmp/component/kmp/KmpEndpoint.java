package org.camelkmp.component.kmp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.camelkmp.kmp.client.ClientOptions;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Transports;
import org.camelkmp.kmp.value.Register;
import org.camelkmp.kmp.value.Registers;

/**
 * Read Kamstrup heat, cooling and water meters over KMP: poll registers with a consumer, send any
 * KMP request with a producer. The port is a serial device or a ser2net gateway.
 */
@UriEndpoint(
    firstVersion = "0.1.0",
    scheme = "kmp",
    title = "Kamstrup KMP",
    syntax = "kmp:port",
    category = {Category.IOT},
    headersClass = KmpConstants.class)
public class KmpEndpoint extends ScheduledPollEndpoint {

  /** Default poll delay: one minute. Every read costs meter battery. */
  public static final long DEFAULT_DELAY = 60_000L;

  @UriPath(
      description =
          "The serial port of the optical head (/dev/ttyUSB0, COM3) or a ser2net gateway as"
              + " socket://host:port")
  @Metadata(required = true)
  private String port;

  @UriParam private KmpConfiguration configuration;

  @UriParam(
      label = "consumer,scheduler",
      defaultValue = "60000",
      javaType = "java.time.Duration",
      description =
          "Milliseconds between polls (or a duration such as 15m); the component's delay when not"
              + " set, which is one minute, not Camel's usual 500 ms: every read costs meter"
              + " battery. A MULTICAL 402/403 switches"
              + " its IR port off after 30 minutes without traffic: poll more often than every 30"
              + " minutes to keep it awake, or less often to save battery and wake it by button")
  private long delay = DEFAULT_DELAY;

  private List<Register> parsedRegisters = List.of();
  private int parsedAddress = 0x3F;

  /** An endpoint with options of its own, as the default configuration has them. */
  public KmpEndpoint(String uri, KmpComponent component) {
    this(uri, component, new KmpConfiguration());
  }

  /** An endpoint working on {@code configuration}, which it owns (give it a copy). */
  public KmpEndpoint(String uri, KmpComponent component, KmpConfiguration configuration) {
    super(uri, component);
    this.configuration = configuration;
    // ScheduledPollEndpoint configures the consumer from its own delay field, whose default is
    // 500 ms: set ours there (as camel-mail does); a delay option given later overrides it
    setDelay(DEFAULT_DELAY);
  }

  @Override
  public KmpComponent getComponent() {
    return (KmpComponent) super.getComponent();
  }

  @Override
  public long getDefaultDelay() {
    return DEFAULT_DELAY;
  }

  /** Milliseconds between polls; one minute unless set. */
  @Override
  public void setDelay(long delay) {
    this.delay = delay;
    super.setDelay(delay);
  }

  @Override
  public boolean isRemote() {
    return true;
  }

  @Override
  protected void doInit() throws Exception {
    super.doInit();
    validate();
  }

  @Override
  public Producer createProducer() {
    validate(); // options may have been set from Java since the endpoint was initialised
    return new KmpProducer(this);
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    validate();
    if (parsedRegisters.isEmpty()) {
      throw new IllegalArgumentException(
          "the kmp consumer on " + port + " needs registers, e.g. registers=E1,V1,60");
    }
    KmpConsumer consumer = new KmpConsumer(this, processor);
    configureConsumer(consumer);
    if (getScheduledExecutorService() == null
        && (getScheduler() == null || "none".equals(getScheduler()))) {
      // one bounded pool for every consumer of the component, not a thread per meter
      consumer.setScheduledExecutorService(getComponent().sharedScheduler());
    }
    return consumer;
  }

  /**
   * Parses and checks every option; a bad one fails naming it. Runs when the endpoint is
   * initialised and again when a consumer or producer is created, so options set from Java after
   * the endpoint was made take effect.
   */
  void validate() {
    port = checkPort(port);
    try {
      parsedAddress = Integer.decode(String.valueOf(configuration.getDestinationAddress()).trim());
    } catch (NumberFormatException e) {
      parsedAddress = -1;
    }
    if (parsedAddress < 0 || parsedAddress > 255) {
      throw new IllegalArgumentException(
          "destinationAddress="
              + configuration.getDestinationAddress()
              + " must be 0..255, decimal or 0x hex");
    }
    String registers = configuration.getRegisters();
    parsedRegisters =
        registers == null || registers.isBlank() ? List.of() : parseRegisters(registers);
    lineSettings();
    clientOptions();
    if (configuration.getCommand() == null) {
      throw new IllegalArgumentException(
          "command must be given: " + java.util.Arrays.toString(KmpCommand.values()));
    }
    int password = configuration.getPassword();
    if (password < 0 || password > 0xFFFF) {
      throw new IllegalArgumentException("password must be 0..65535");
    }
    Transports.create(port, lineSettings());
  }

  private static List<Register> parseRegisters(String list) {
    try {
      return Registers.resolveAll(list);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("registers=" + list + ": " + e.getMessage(), e);
    }
  }

  private static String checkPort(String port) {
    String p = port == null ? "" : port.trim();
    if (p.isEmpty()) {
      throw new IllegalArgumentException(
          "the kmp endpoint needs a port: kmp:/dev/ttyUSB0, kmp:COM3 or kmp:socket://host:port");
    }
    // kmp://dev/ttyUSB0 arrives as dev/ttyUSB0; serial:/dev/ttyUSB0 is another slip, for later
    boolean schemeLike = p.matches("[A-Za-z][A-Za-z0-9+.\\-]*:.*");
    if (!p.startsWith("/") && !p.contains("://") && !schemeLike && p.contains("/")) {
      throw new IllegalArgumentException(
          "port '"
              + p
              + "' has lost its leading slash (kmp://"
              + p
              + " reads as a host name): write kmp:/"
              + p);
    }
    if (p.regionMatches(true, 0, "socket://", 0, 9) && p.endsWith("/") && !p.endsWith("//")) {
      p = p.substring(0, p.length() - 1); // socket://gw:2002/ names the same gateway
    }
    return p;
  }

  /** The shared connection of this endpoint's port, counting one more user. */
  KmpConnection acquireConnection() {
    return getComponent().connections().acquire(port, lineSettings());
  }

  /** One user fewer on the port; null is ignored. */
  void releaseConnection(KmpConnection connection) {
    if (connection != null) {
      getComponent().connections().release(connection);
    }
  }

  /** The line settings of this endpoint. */
  LineSettings lineSettings() {
    try {
      return new LineSettings(
          configuration.getBaudRate(),
          configuration.getDataBits(),
          configuration.getStopBits(),
          configuration.getParity());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line settings of " + port + ": " + e.getMessage(), e);
    }
  }

  /** The client options of this endpoint. */
  ClientOptions clientOptions() {
    try {
      return new ClientOptions(
          parsedAddress,
          Duration.ofMillis(configuration.getTimeout()),
          Duration.ofMillis(configuration.getInterByteTimeout()),
          configuration.getRetries(),
          Duration.ofMillis(configuration.getQuietTime()),
          lineSettings());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kmp endpoint " + port + ": " + e.getMessage(), e);
    }
  }

  /** The configured registers' ids in the order given, duplicates kept. */
  List<Integer> registerIds() {
    List<Integer> ids = new ArrayList<>();
    parsedRegisters.forEach(r -> ids.add(r.id()));
    return ids;
  }

  int address() {
    return parsedAddress;
  }

  boolean isReadSerialNumber() {
    return configuration.isReadSerialNumber();
  }

  boolean isSplitRegisters() {
    return configuration.isSplitRegisters();
  }

  boolean isAllowWrites() {
    return configuration.isAllowWrites();
  }

  int password() {
    return configuration.getPassword();
  }

  /** The port as written in the URI (a trailing slash after a gateway's port removed). */
  public String getPort() {
    return port;
  }

  /** Sets the port: a serial device path or name, or socket://host:port. */
  public void setPort(String port) {
    this.port = port;
  }

  /** The endpoint's options; its own copy of the component's. */
  public KmpConfiguration getConfiguration() {
    return configuration;
  }

  /** Replaces the endpoint's options; give it a configuration of its own. */
  public void setConfiguration(KmpConfiguration configuration) {
    this.configuration = configuration;
  }
}
