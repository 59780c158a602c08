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
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.transport.LineSettings;
import org.camelkmp.kmp.transport.Parity;
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

  @UriParam(
      description =
          "Registers to read, comma separated: ids (60) or catalogue names (E1), any number; read"
              + " eight per request. Required for the consumer; the producer's default for"
              + " GetRegister")
  private String registers;

  @UriParam(
      defaultValue = "0x3F",
      description =
          "Destination address, decimal or 0x hex: 0x3F the heat meter, 0x7F a logger top module,"
              + " 0xBF a logger base module")
  private String destinationAddress = "0x3F";

  @UriParam(
      label = "serial",
      defaultValue = "1200",
      description = "Baud rate; KMP meters use 1200 (newer ones also 2400). Ignored for socket://")
  private int baudRate = 1200;

  @UriParam(label = "serial", defaultValue = "8", enums = "5,6,7,8", description = "Data bits")
  private int dataBits = 8;

  @UriParam(
      label = "serial",
      defaultValue = "2",
      enums = "1,2",
      description = "Stop bits; the vendor specifies 2")
  private int stopBits = 2;

  @UriParam(label = "serial", defaultValue = "NONE", description = "Parity")
  private Parity parity = Parity.NONE;

  @UriParam(
      label = "advanced",
      defaultValue = "2000",
      javaType = "java.time.Duration",
      description =
          "How long the answer may take to start after the request has left; the meter answers"
              + " within 1.6 s, so keep it above that")
  private long timeout = 2000;

  @UriParam(
      label = "advanced",
      defaultValue = "500",
      javaType = "java.time.Duration",
      description = "Longest gap between two bytes inside an answer")
  private long interByteTimeout = 500;

  @UriParam(
      label = "advanced",
      defaultValue = "2",
      description = "Further attempts after a failed exchange (timeout, CRC, framing), 0..10")
  private int retries = 2;

  @UriParam(
      label = "advanced",
      defaultValue = "1600",
      javaType = "java.time.Duration",
      description =
          "How long the line stays quiet after a failed exchange before the next request; the"
              + " vendor asks for at least 1.6 s")
  private long quietTime = 1600;

  @UriParam(
      label = "producer",
      defaultValue = "GetRegister",
      enums =
          "GetType,GetSerialNo,GetRegister,SetClock,PutRegister,GetEventStatus,ClearEventStatus,"
              + "GetLogTimePresent,GetLogLastPresent,GetLogIDPresent,GetLogTimePast",
      description = "The producer's command when the CamelKmpCommand header is absent")
  private String command = "GetRegister";

  @UriParam(
      label = "producer,security",
      defaultValue = "false",
      description =
          "Allow commands that change the meter (SetClock, PutRegister, ClearEventStatus); refused"
              + " otherwise")
  private boolean allowWrites;

  @UriParam(
      label = "producer,security",
      secret = true,
      defaultValue = "0",
      description = "PutRegister password, 0..65535; never logged")
  private int password;

  @UriParam(
      label = "consumer",
      defaultValue = "false",
      description =
          "Read each register in an exchange of its own instead of one exchange per poll (more"
              + " requests: costs battery)")
  private boolean splitRegisters;

  @UriParam(
      defaultValue = "false",
      description =
          "Ask the meter's serial number (GetSerialNo) once per connection and put it in the"
              + " CamelKmpMeterSerial header and the reading")
  private boolean readSerialNumber;

  @UriParam(
      label = "consumer,scheduler",
      defaultValue = "60000",
      javaType = "java.time.Duration",
      description =
          "Milliseconds between polls (or a duration such as 15m). Every read costs meter battery,"
              + " so the default is one minute, not Camel's usual 500 ms. A MULTICAL 402/403 switches"
              + " its IR port off after 30 minutes without traffic: poll more often than every 30"
              + " minutes to keep it awake, or less often to save battery and wake it by button")
  private long delay = DEFAULT_DELAY;

  private List<Register> parsedRegisters = List.of();
  private int parsedAddress = 0x3F;

  public KmpEndpoint(String uri, KmpComponent component) {
    super(uri, component);
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
      parsedAddress = Integer.decode(destinationAddress.trim());
    } catch (NumberFormatException e) {
      parsedAddress = -1;
    }
    if (parsedAddress < 0 || parsedAddress > 255) {
      throw new IllegalArgumentException(
          "destinationAddress=" + destinationAddress + " must be 0..255, decimal or 0x hex");
    }
    parsedRegisters =
        registers == null || registers.isBlank() ? List.of() : parseRegisters(registers);
    lineSettings();
    clientOptions();
    CommandId.byName(command);
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
      return new LineSettings(baudRate, dataBits, stopBits, parity);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line settings of " + port + ": " + e.getMessage(), e);
    }
  }

  /** The client options of this endpoint. */
  ClientOptions clientOptions() {
    try {
      return new ClientOptions(
          parsedAddress,
          Duration.ofMillis(timeout),
          Duration.ofMillis(interByteTimeout),
          retries,
          Duration.ofMillis(quietTime),
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

  public String getPort() {
    return port;
  }

  public void setPort(String port) {
    this.port = port;
  }

  public String getRegisters() {
    return registers;
  }

  public void setRegisters(String registers) {
    this.registers = registers;
  }

  public String getDestinationAddress() {
    return destinationAddress;
  }

  public void setDestinationAddress(String destinationAddress) {
    this.destinationAddress = destinationAddress;
  }

  public int getBaudRate() {
    return baudRate;
  }

  public void setBaudRate(int baudRate) {
    this.baudRate = baudRate;
  }

  public int getDataBits() {
    return dataBits;
  }

  public void setDataBits(int dataBits) {
    this.dataBits = dataBits;
  }

  public int getStopBits() {
    return stopBits;
  }

  public void setStopBits(int stopBits) {
    this.stopBits = stopBits;
  }

  public Parity getParity() {
    return parity;
  }

  public void setParity(Parity parity) {
    this.parity = parity;
  }

  public long getTimeout() {
    return timeout;
  }

  public void setTimeout(long timeout) {
    this.timeout = timeout;
  }

  public long getInterByteTimeout() {
    return interByteTimeout;
  }

  public void setInterByteTimeout(long interByteTimeout) {
    this.interByteTimeout = interByteTimeout;
  }

  public int getRetries() {
    return retries;
  }

  public void setRetries(int retries) {
    this.retries = retries;
  }

  public long getQuietTime() {
    return quietTime;
  }

  public void setQuietTime(long quietTime) {
    this.quietTime = quietTime;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public boolean isAllowWrites() {
    return allowWrites;
  }

  public void setAllowWrites(boolean allowWrites) {
    this.allowWrites = allowWrites;
  }

  public int getPassword() {
    return password;
  }

  public void setPassword(int password) {
    this.password = password;
  }

  public boolean isSplitRegisters() {
    return splitRegisters;
  }

  public void setSplitRegisters(boolean splitRegisters) {
    this.splitRegisters = splitRegisters;
  }

  public boolean isReadSerialNumber() {
    return readSerialNumber;
  }

  public void setReadSerialNumber(boolean readSerialNumber) {
    this.readSerialNumber = readSerialNumber;
  }
}
