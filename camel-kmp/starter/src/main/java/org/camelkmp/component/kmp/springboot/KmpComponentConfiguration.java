package org.camelkmp.component.kmp.springboot;

import java.time.Duration;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.camelkmp.component.kmp.KmpCommand;
import org.camelkmp.kmp.transport.Parity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code kmp} component's options as Spring Boot properties under {@code camel.component.kmp}:
 * what every kmp endpoint of the application starts from. Each field mirrors one component option
 * with the component's description and default, so that an IDE completes and explains them; the
 * durations take Spring's forms ({@code 500ms}, {@code 2s}, {@code 15m}; a plain number is
 * milliseconds). A property left unset keeps the component's default.
 */
@ConfigurationProperties(prefix = "camel.component.kmp")
public class KmpComponentConfiguration extends ComponentConfigurationPropertiesCommon {
  /**
   * Destination address, decimal or 0x hex: 0x3F the heat meter, 0x7F a logger top module, 0xBF a
   * logger base module
   */
  private String destinationAddress = "0x3F";

  /**
   * Ask the meter's serial number (GetSerialNo) once per connection and put it in the
   * CamelKmpMeterSerial header and the reading
   */
  private boolean readSerialNumber = false;

  /**
   * Registers to read, comma separated: ids (60) or catalogue names (E1), any number; read eight
   * per request. Required for the consumer; the producer's default for GetRegister
   */
  private String registers;

  /**
   * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions
   * (if possible) occurred while the Camel consumer is trying to pickup incoming messages, or the
   * likes, will now be processed as a message and handled by the routing Error Handler. Important:
   * This is only possible if the 3rd party component allows Camel to be alerted if an exception was
   * thrown. Some components handle this internally only, and therefore bridgeErrorHandler is not
   * possible. In other situations we may improve the Camel component to hook into the 3rd party
   * component and make this possible for future releases. By default the consumer will use the
   * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or
   * ERROR level and ignored.
   */
  private boolean bridgeErrorHandler = false;

  /**
   * Read each register in an exchange of its own instead of one exchange per poll (more requests:
   * costs battery)
   */
  private boolean splitRegisters = false;

  /**
   * Threads of the scheduler shared by every kmp consumer of this component, so that the number of
   * threads stays bounded however many meters are polled. A poll holds a thread while it waits for
   * the meter (about a second for 8 registers at 1200 baud); raise it when many meters must be read
   * within one poll period. A consumer given its own scheduledExecutorService does not use it
   */
  private int pollThreads = 16;

  /** The producer's command when the CamelKmpCommand header is absent */
  private KmpCommand command = KmpCommand.GetRegister;

  /**
   * Whether the producer should be started lazy (on the first message). By starting lazy you can
   * use this to allow CamelContext and routes to startup in situations where a producer may
   * otherwise fail during starting and cause the route to fail being started. By deferring this
   * startup to be lazy then the startup failure can be handled during routing messages via Camel's
   * routing error handlers. Beware that when the first message is processed then creating and
   * starting the producer may take a little time and prolong the total processing time of the
   * processing.
   */
  private boolean lazyStartProducer = false;

  /**
   * Whether autowiring is enabled. This is used for automatic autowiring options (the option must
   * be marked as autowired) by looking up in the registry to find if there is a single instance of
   * matching type, which then gets configured on the component. This can be used for automatic
   * configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
   */
  private boolean autowiredEnabled = true;

  /** Longest gap between two bytes inside an answer */
  private Duration interByteTimeout = Duration.ofMillis(500);

  /**
   * How long the line stays quiet after a failed exchange before the next request; the vendor asks
   * for at least 1.6 s
   */
  private Duration quietTime = Duration.ofMillis(1600);

  /** Further attempts after a failed exchange (timeout, CRC, framing), 0..10 */
  private int retries = 2;

  /**
   * How long the answer may take to start after the request has left; the meter answers within 1.6
   * s, so keep it above that
   */
  private Duration timeout = Duration.ofMillis(2000);

  /** Used for enabling or disabling all consumer based health checks from this component */
  private boolean healthCheckConsumerEnabled = true;

  /**
   * Used for enabling or disabling all producer based health checks from this component. Notice:
   * Camel has by default disabled all producer based health-checks. You can turn on producer checks
   * globally by setting camel.health.producersEnabled=true.
   */
  private boolean healthCheckProducerEnabled = true;

  /**
   * Default poll delay of every kmp consumer, in milliseconds or as a duration such as 15m; an
   * endpoint's delay overrides it. Every read costs meter battery
   */
  private Duration delay = Duration.ofMillis(60000);

  /**
   * Allow commands that change the meter (SetClock, PutRegister, ClearEventStatus); refused
   * otherwise
   */
  private boolean allowWrites = false;

  /** PutRegister password, 0..65535; never logged */
  private int password = 0;

  /** Baud rate; KMP meters use 1200 (newer ones also 2400). Ignored for socket:// */
  private int baudRate = 1200;

  /** Data bits */
  private int dataBits = 8;

  /** Parity */
  private Parity parity = Parity.NONE;

  /** Stop bits; the vendor specifies 2 */
  private int stopBits = 2;

  public String getDestinationAddress() {
    return destinationAddress;
  }

  public void setDestinationAddress(String destinationAddress) {
    this.destinationAddress = destinationAddress;
  }

  public boolean isReadSerialNumber() {
    return readSerialNumber;
  }

  public void setReadSerialNumber(boolean readSerialNumber) {
    this.readSerialNumber = readSerialNumber;
  }

  public String getRegisters() {
    return registers;
  }

  public void setRegisters(String registers) {
    this.registers = registers;
  }

  public boolean isBridgeErrorHandler() {
    return bridgeErrorHandler;
  }

  public void setBridgeErrorHandler(boolean bridgeErrorHandler) {
    this.bridgeErrorHandler = bridgeErrorHandler;
  }

  public boolean isSplitRegisters() {
    return splitRegisters;
  }

  public void setSplitRegisters(boolean splitRegisters) {
    this.splitRegisters = splitRegisters;
  }

  public int getPollThreads() {
    return pollThreads;
  }

  public void setPollThreads(int pollThreads) {
    this.pollThreads = pollThreads;
  }

  public KmpCommand getCommand() {
    return command;
  }

  public void setCommand(KmpCommand command) {
    this.command = command;
  }

  public boolean isLazyStartProducer() {
    return lazyStartProducer;
  }

  public void setLazyStartProducer(boolean lazyStartProducer) {
    this.lazyStartProducer = lazyStartProducer;
  }

  public boolean isAutowiredEnabled() {
    return autowiredEnabled;
  }

  public void setAutowiredEnabled(boolean autowiredEnabled) {
    this.autowiredEnabled = autowiredEnabled;
  }

  public Duration getInterByteTimeout() {
    return interByteTimeout;
  }

  public void setInterByteTimeout(Duration interByteTimeout) {
    this.interByteTimeout = interByteTimeout;
  }

  public Duration getQuietTime() {
    return quietTime;
  }

  public void setQuietTime(Duration quietTime) {
    this.quietTime = quietTime;
  }

  public int getRetries() {
    return retries;
  }

  public void setRetries(int retries) {
    this.retries = retries;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public boolean isHealthCheckConsumerEnabled() {
    return healthCheckConsumerEnabled;
  }

  public void setHealthCheckConsumerEnabled(boolean healthCheckConsumerEnabled) {
    this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
  }

  public boolean isHealthCheckProducerEnabled() {
    return healthCheckProducerEnabled;
  }

  public void setHealthCheckProducerEnabled(boolean healthCheckProducerEnabled) {
    this.healthCheckProducerEnabled = healthCheckProducerEnabled;
  }

  public Duration getDelay() {
    return delay;
  }

  public void setDelay(Duration delay) {
    this.delay = delay;
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

  public Parity getParity() {
    return parity;
  }

  public void setParity(Parity parity) {
    this.parity = parity;
  }

  public int getStopBits() {
    return stopBits;
  }

  public void setStopBits(int stopBits) {
    this.stopBits = stopBits;
  }
}
