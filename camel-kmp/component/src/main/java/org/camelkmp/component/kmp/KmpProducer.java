package org.camelkmp.component.kmp;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.camelkmp.kmp.client.KmpClient;
import org.camelkmp.kmp.client.RegisterReading;
import org.camelkmp.kmp.message.CommandId;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.KmpResponse;

/**
 * Sends one KMP request per exchange. The request is the body when it is a request object of the
 * protocol core; otherwise the command of the CamelKmpCommand header (or the endpoint's command)
 * builds it from its argument headers ({@link KmpHeaderArguments}). The response becomes the body:
 * a {@link KmpReading} for GetRegister, the core's response object otherwise. Failures throw the
 * core's typed exceptions. Headers follow one rule: those describing a reading ({@link
 * KmpHeaders#OUTPUTS}) are only written, those steering the producer ({@link KmpHeaders#INPUTS})
 * only read, and removed after use.
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
      KmpHeaderArguments arguments = new KmpHeaderArguments(in, endpoint);
      if (command == CommandId.GET_REGISTER) {
        List<Integer> ids = arguments.registers();
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
      request = command.request(arguments);
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
}
