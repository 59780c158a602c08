package org.camelkmp.component.kmp;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.camelkmp.kmp.transport.Parity;

/**
 * The options a {@code kmp} endpoint shares with its component: set once as {@code
 * camel.component.kmp.*} for a fleet of meters, and overridden by any endpoint. Each endpoint works
 * on its own {@link #copy()} (as camel-kafka's configuration does), so an endpoint's options never
 * change the component's or another endpoint's. Values are checked by the endpoint.
 */
@UriParams
public class KmpConfiguration implements Cloneable {

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
      description = "The producer's command when the CamelKmpCommand header is absent")
  private KmpCommand command = KmpCommand.GetRegister;

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

  /** The {@code registers} option. */
  public String getRegisters() {
    return registers;
  }

  /** Sets the {@code registers} option; checked by the endpoint. */
  public void setRegisters(String registers) {
    this.registers = registers;
  }

  /** The {@code destinationAddress} option. */
  public String getDestinationAddress() {
    return destinationAddress;
  }

  /** Sets the {@code destinationAddress} option; checked by the endpoint. */
  public void setDestinationAddress(String destinationAddress) {
    this.destinationAddress = destinationAddress;
  }

  /** The {@code baudRate} option. */
  public int getBaudRate() {
    return baudRate;
  }

  /** Sets the {@code baudRate} option; checked by the endpoint. */
  public void setBaudRate(int baudRate) {
    this.baudRate = baudRate;
  }

  /** The {@code dataBits} option. */
  public int getDataBits() {
    return dataBits;
  }

  /** Sets the {@code dataBits} option; checked by the endpoint. */
  public void setDataBits(int dataBits) {
    this.dataBits = dataBits;
  }

  /** The {@code stopBits} option. */
  public int getStopBits() {
    return stopBits;
  }

  /** Sets the {@code stopBits} option; checked by the endpoint. */
  public void setStopBits(int stopBits) {
    this.stopBits = stopBits;
  }

  /** The {@code parity} option. */
  public Parity getParity() {
    return parity;
  }

  /** Sets the {@code parity} option; checked by the endpoint. */
  public void setParity(Parity parity) {
    this.parity = parity;
  }

  /** The {@code timeout} option. */
  public long getTimeout() {
    return timeout;
  }

  /** Sets the {@code timeout} option; checked by the endpoint. */
  public void setTimeout(long timeout) {
    this.timeout = timeout;
  }

  /** The {@code interByteTimeout} option. */
  public long getInterByteTimeout() {
    return interByteTimeout;
  }

  /** Sets the {@code interByteTimeout} option; checked by the endpoint. */
  public void setInterByteTimeout(long interByteTimeout) {
    this.interByteTimeout = interByteTimeout;
  }

  /** The {@code retries} option. */
  public int getRetries() {
    return retries;
  }

  /** Sets the {@code retries} option; checked by the endpoint. */
  public void setRetries(int retries) {
    this.retries = retries;
  }

  /** The {@code quietTime} option. */
  public long getQuietTime() {
    return quietTime;
  }

  /** Sets the {@code quietTime} option; checked by the endpoint. */
  public void setQuietTime(long quietTime) {
    this.quietTime = quietTime;
  }

  /** The {@code command} option. */
  public KmpCommand getCommand() {
    return command;
  }

  /** Sets the {@code command} option; checked by the endpoint. */
  public void setCommand(KmpCommand command) {
    this.command = command;
  }

  /** The {@code allowWrites} option. */
  public boolean isAllowWrites() {
    return allowWrites;
  }

  /** Sets the {@code allowWrites} option; checked by the endpoint. */
  public void setAllowWrites(boolean allowWrites) {
    this.allowWrites = allowWrites;
  }

  /** The {@code password} option. */
  public int getPassword() {
    return password;
  }

  /** Sets the {@code password} option; checked by the endpoint. */
  public void setPassword(int password) {
    this.password = password;
  }

  /** The {@code splitRegisters} option. */
  public boolean isSplitRegisters() {
    return splitRegisters;
  }

  /** Sets the {@code splitRegisters} option; checked by the endpoint. */
  public void setSplitRegisters(boolean splitRegisters) {
    this.splitRegisters = splitRegisters;
  }

  /** The {@code readSerialNumber} option. */
  public boolean isReadSerialNumber() {
    return readSerialNumber;
  }

  /** Sets the {@code readSerialNumber} option; checked by the endpoint. */
  public void setReadSerialNumber(boolean readSerialNumber) {
    this.readSerialNumber = readSerialNumber;
  }

  /** A copy for one endpoint. */
  public KmpConfiguration copy() {
    try {
      return (KmpConfiguration) clone();
    } catch (CloneNotSupportedException e) {
      throw new RuntimeCamelException(e);
    }
  }
}
