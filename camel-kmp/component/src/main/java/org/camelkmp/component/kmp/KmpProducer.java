package org.camelkmp.component.kmp;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.client.RegisterReading;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.GetEventStatusRequest;
import org.camelkmp.kmp.message.GetLogIdPresentRequest;
import org.camelkmp.kmp.message.GetLogLastPresentRequest;
import org.camelkmp.kmp.message.GetLogTimePastRequest;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetSerialNoRequest;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.Registers;
import org.camelkmp.kmp.value.Units;

/**
 * Sends one KMP request per exchange. The request is the body when it is a request object of the
 * protocol core; otherwise it is built from the CamelKmpCommand header (or the endpoint's command)
 * and its argument headers. The response becomes the body: a {@link KmpReading} for GetRegister,
 * the core's response object otherwise. Failures throw the core's typed exceptions. Headers follow
 * one rule: those describing a reading ({@link KmpHeaders#OUTPUTS}) are only written, those
 * steering the producer ({@link KmpHeaders#INPUTS}) only read, and removed after use.
 */
public class KmpProducer extends DefaultProducer {
  private final KmpSerialNumbers serials = new KmpSerialNumbers();
  private KmpConnection connection;
  private org.apache.camel.health.HealthCheck healthCheck;

  public KmpProducer(KmpEndpoint endpoint) {
    super(endpoint);
  }

  @Override
  public KmpEndpoint getEndpoint() {
    return (KmpEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    KmpEndpoint endpoint = getEndpoint();
    connection = endpoint.acquireConnection();
    if (endpoint.getComponent().isHealthCheckProducerEnabled()) {
      healthCheck =
          KmpHealthChecks.registerProducer(
              endpoint.getCamelContext(), endpoint.getPort(), connection);
    }
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    KmpHealthChecks.unregisterProducer(getEndpoint().getCamelContext(), healthCheck);
    healthCheck = null;
    getEndpoint().releaseConnection(connection);
    connection = null;
  }

  /**
   * Sends one request. Its identity comes from the endpoint and the input headers only, never from
   * the headers that describe an earlier reading on the message; on success the body and those
   * headers describe this answer, and the input headers are removed. On failure the message is left
   * as it was, so a redelivery sends the same request again.
   */
  @Override
  public void process(Exchange exchange) throws Exception {
    KmpEndpoint endpoint = getEndpoint();
    Message in = exchange.getMessage();
    int address = KmpHeaders.overrideAddress(in, endpoint.address());
    KmpClient client = connection.client(endpoint.clientOptions().withAddress(address));

    KmpRequest request;
    if (in.getBody() instanceof KmpRequest given) {
      request = given;
    } else {
      CommandId command = command(in.getHeader(KmpConstants.COMMAND), endpoint);
      KmpWritePolicy.check(command, endpoint.isAllowWrites(), endpoint.getPort());
      if (command == CommandId.GET_REGISTER) {
        List<Integer> ids = registers(in);
        Long serial = serial(client, address);
        RegisterReading reading = client.readRegisters(ids);
        KmpHeaders.replace(in, address, serial, reading);
        in.setBody(
            new KmpReading(
                address,
                serial,
                reading.readAt(),
                reading.values().stream().map(KmpRegisterReading::of).toList(),
                reading.missing(),
                reading.requestCount()));
        return;
      }
      request = build(command, in);
    }
    KmpWritePolicy.check(request, endpoint.isAllowWrites(), endpoint.getPort());
    Long serial = serial(client, address);
    long started = System.nanoTime();
    KmpResponse response = client.send(address, request);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (response instanceof GetSerialNoResponse answer) {
      serial = answer.serialNumber();
      serials.remember(address, serial);
    }
    KmpHeaders.replace(in, address, serial, java.time.Instant.now(), millis);
    in.setBody(response);
  }

  /** The command header (a name, a KmpCommand or a CommandId), else the endpoint's command. */
  private static CommandId command(Object header, KmpEndpoint endpoint) {
    if (header == null) {
      return endpoint.getConfiguration().getCommand().commandId();
    } else if (header instanceof KmpCommand command) {
      return command.commandId();
    } else if (header instanceof CommandId command) {
      return command;
    }
    return CommandId.byName(header.toString());
  }

  /** The meter's serial number when readSerialNumber is set, asked once per connection. */
  private Long serial(KmpClient client, int address) {
    return getEndpoint().isReadSerialNumber() ? serials.of(client, connection, address) : null;
  }

  private KmpRequest build(CommandId command, Message in) {
    return switch (command) {
      case GET_TYPE -> new GetTypeRequest();
      case GET_SERIAL_NO -> new GetSerialNoRequest();
      case GET_EVENT_STATUS -> new GetEventStatusRequest();
      case SET_CLOCK -> {
        LocalDateTime clock = in.getHeader(KmpConstants.CLOCK, LocalDateTime.class);
        yield new SetClockRequest(clock != null ? clock : LocalDateTime.now());
      }
      case PUT_REGISTER -> new PutRegisterRequest(getEndpoint().password(), putValue(in));
      case CLEAR_EVENT_STATUS ->
          new ClearEventStatusRequest(
              mask(in.getHeader(KmpConstants.CONDITIONAL_MASK, 0L, Long.class)),
              mask(in.getHeader(KmpConstants.UNCONDITIONAL_MASK, 0L, Long.class)));
      case GET_LOG_TIME_PRESENT ->
          new GetLogTimePresentRequest(logId(in), ids(in, 8), records(in), 255, from(in));
      case GET_LOG_LAST_PRESENT ->
          new GetLogLastPresentRequest(logId(in), ids(in, 8), records(in), 255);
      case GET_LOG_ID_PRESENT ->
          new GetLogIdPresentRequest(
              logId(in),
              ids(in, 8),
              records(in),
              255,
              required(in, KmpConstants.LOG_RECORD_ID, Integer.class));
      case GET_LOG_TIME_PAST ->
          new GetLogTimePastRequest(
              logId(in),
              ids(in, 8),
              records(in),
              255,
              from(in),
              in.getHeader(KmpConstants.LOG_OFFSET, 0, Integer.class));
      case GET_REGISTER -> new GetRegisterRequest(ids(in, 8));
    };
  }

  private RegisterValue putValue(Message in) {
    if (in.getBody() instanceof RegisterValue value) {
      return value;
    }
    List<Integer> ids = ids(in, 1);
    BigDecimal value = required(in, KmpConstants.VALUE, BigDecimal.class);
    String unit = required(in, KmpConstants.UNIT, String.class);
    return RegisterValue.ofNumber(ids.get(0), value, Units.codeOf(unit), 4);
  }

  private static EventStatus mask(long bits) {
    if (bits < 0 || bits > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("event status mask " + bits + " must fit in 32 bits");
    }
    return new EventStatus(
        (int) (bits >>> 24) & 0xFF,
        (int) (bits >>> 16) & 0xFF,
        (int) (bits >>> 8) & 0xFF,
        (int) bits & 0xFF);
  }

  private static int logId(Message in) {
    return in.getHeader(KmpConstants.LOG_ID, 1, Integer.class);
  }

  private static int records(Message in) {
    return in.getHeader(KmpConstants.LOG_RECORDS, 1, Integer.class);
  }

  private static LocalDateTime from(Message in) {
    return required(in, KmpConstants.LOG_FROM, LocalDateTime.class);
  }

  private static <T> T required(Message in, String header, Class<T> type) {
    T value = in.getHeader(header, type);
    if (value == null) {
      throw new IllegalArgumentException("header " + header + " is required for this command");
    }
    return value;
  }

  /** The registers to read: the header when set, else the endpoint's. */
  private List<Integer> registers(Message in) {
    Object header = in.getHeader(KmpConstants.REGISTERS);
    List<Integer> ids = new ArrayList<>();
    if (header instanceof Collection<?> list) {
      for (Object item : list) {
        ids.add(
            item instanceof Number n
                ? Registers.byId(n.intValue()).id()
                : Registers.resolve(item.toString()).id());
      }
    } else if (header != null) {
      Registers.resolveAll(header.toString()).forEach(r -> ids.add(r.id()));
    } else {
      ids.addAll(getEndpoint().registerIds());
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(
          "no registers to read: set the CamelKmpRegisters header or the endpoint's registers option");
    }
    return ids;
  }

  private List<Integer> ids(Message in, int max) {
    List<Integer> ids = new ArrayList<>(new java.util.LinkedHashSet<>(registers(in)));
    if (ids.size() > max) {
      throw new IllegalArgumentException(
          "this command takes at most " + max + " register(s), got " + ids.size() + ": " + ids);
    }
    return ids;
  }
}
