package org.camelkmp.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camelkmp.kmp.message.AckResponse;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.EventStatusResponse;
import org.camelkmp.kmp.message.GetLogIdPresentRequest;
import org.camelkmp.kmp.message.GetLogTimePastRequest;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.GetLoggerConfigRequest;
import org.camelkmp.kmp.message.GetLoggerConfigResponse;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpMessage;
import org.camelkmp.kmp.message.LogRecord;
import org.camelkmp.kmp.message.LogRequest;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.RawRequest;
import org.camelkmp.kmp.message.RawResponse;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.Registers;

/**
 * The {@code --json} shapes. Decimals are written as plain JSON numbers with every digit the meter
 * sent (never through a double, never in exponent notation).
 */
final class Json {
  /** Keeps BigDecimal values as given (Jackson 2.15+ no longer strips trailing zeros here). */
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(NODES)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static void print(PrintWriter out, JsonNode node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * {@code {"id":60,"name":"E1","unitCode":8,"unit":"GJ","value":1234.567,"kind":"number",
   * "text":null,"nob":4}}; {@code text} holds the time, date or text for units that are not plain
   * numbers; {@code nob} is the number of value bytes sent (0..255): {@code value} has every digit
   * of any length, and is null for a register sent without value (NoB 0).
   */
  static ObjectNode register(RegisterValue value) {
    ObjectNode node = object();
    node.put("id", value.id());
    node.put("name", value.register().name());
    node.put("unitCode", value.unitCode());
    node.put("unit", value.unit().symbol());
    node.put("value", Values.decimal(value));
    node.put("kind", Values.kind(value));
    node.put("text", Values.text(value));
    node.put("nob", value.nob());
    return node;
  }

  static ArrayNode registers(Collection<RegisterValue> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(v -> array.add(register(v)));
    return array;
  }

  static ArrayNode ids(Collection<Integer> ids) {
    ArrayNode array = NODES.arrayNode();
    ids.forEach(array::add);
    return array;
  }

  /** {@code [{"id":60,"name":"E1"}, …]}. */
  static ArrayNode registerRefs(Collection<Integer> ids) {
    ArrayNode array = NODES.arrayNode();
    for (int id : ids) {
      array.addObject().put("id", id).put("name", Registers.byId(id).name());
    }
    return array;
  }

  static ObjectNode eventStatus(EventStatus status) {
    ObjectNode node = object();
    node.put("es0", status.es0());
    node.put("es1", status.es1());
    node.put("es2", status.es2());
    node.put("es3", status.es3());
    node.put("hex", Hex.plain(status.toBytes()));
    node.put("intervalLogUnread", status.intervalLogUnread());
    node.put("rtcLogUnread", status.rtcLogUnread());
    return node;
  }

  static ObjectNode logResponse(LogResponse response) {
    ObjectNode node = object();
    node.put("cid", response.cid());
    node.put("command", response.commandName());
    putLogResponse(node, response);
    return node;
  }

  private static void putLogResponse(ObjectNode node, LogResponse response) {
    node.put("logId", response.complete() ? response.logId() : null);
    ArrayNode records = node.putArray("records");
    for (LogRecord record : response.records()) {
      ObjectNode r = records.addObject();
      r.put("recordId", record.recordId());
      r.set("registers", registers(record.values()));
    }
    node.put("oldestRecordId", response.complete() ? response.oldestRecordId() : null);
    node.put("newestRecordId", response.complete() ? response.newestRecordId() : null);
    node.put("info", response.info());
    ArrayNode flags = node.putArray("infoFlags");
    infoFlags(response.info()).forEach(flags::add);
    node.put("complete", response.complete());
  }

  /** Names of the INFO bits set. */
  static List<String> infoFlags(int info) {
    List<String> flags = new ArrayList<>();
    if ((info & LogResponse.INFO_LOG_EMPTY) != 0) {
      flags.add("logEmpty");
    }
    if ((info & LogResponse.INFO_OUT_OF_RANGE) != 0) {
      flags.add("outOfRange");
    }
    if ((info & LogResponse.INFO_MAX_LENGTH_REACHED) != 0) {
      flags.add("maxLengthReached");
    }
    if ((info & LogResponse.INFO_END_OF_LOG) != 0) {
      flags.add("endOfLog");
    }
    return flags;
  }

  /**
   * One decoded frame: {@code direction}, {@code address}, {@code cid}, {@code command}, then the
   * fields of the message.
   */
  static ObjectNode frame(byte[] bytes, DecodedFrame frame) {
    ObjectNode node = object();
    node.put("hex", Hex.plain(bytes));
    node.put("direction", frame.direction().name().toLowerCase(java.util.Locale.ROOT));
    KmpMessage message = frame.message();
    if (message instanceof AckResponse) {
      node.putNull("address");
      node.putNull("addressHex");
    } else {
      node.put("address", frame.address());
      node.put("addressHex", Hex.byteHex(frame.address()));
    }
    node.put("cid", message.cid());
    node.put("cidHex", Hex.byteHex(message.cid()));
    node.put("command", message.commandName());
    putMessage(node, message);
    return node;
  }

  /** A frame that did not decode. */
  static ObjectNode badFrame(byte[] bytes, Exception failure) {
    ObjectNode node = object();
    node.put("hex", Hex.plain(bytes));
    node.put("error", failure.getMessage());
    node.put("errorType", failure.getClass().getSimpleName());
    return node;
  }

  private static void putMessage(ObjectNode node, KmpMessage message) {
    if (message instanceof GetTypeResponse type) {
      node.put("meterType", type.meterType());
      node.put("meterTypeHex", String.format("0x%04X", type.meterType()));
      node.put("revision", type.revisionText());
    } else if (message instanceof GetSerialNoResponse serial) {
      node.put("serial", serial.serialNumber());
    } else if (message instanceof GetRegisterRequest request) {
      node.set("registerIds", ids(request.registerIds()));
      node.set("registers", registerRefs(request.registerIds()));
    } else if (message instanceof GetRegisterResponse response) {
      node.set("registers", registers(response.values()));
    } else if (message instanceof SetClockRequest setClock) {
      node.put("dateTime", Values.dateTime(setClock.dateTime()));
    } else if (message instanceof PutRegisterRequest put) {
      node.put("password", put.password());
      node.set("register", register(put.value()));
    } else if (message instanceof EventStatusResponse status) {
      node.set("eventStatus", eventStatus(status.status()));
    } else if (message instanceof ClearEventStatusRequest clear) {
      node.set("conditional", eventStatus(clear.conditional()));
      node.set("unconditional", eventStatus(clear.unconditional()));
    } else if (message instanceof LogRequest log) {
      putLogRequest(node, log);
    } else if (message instanceof LogResponse log) {
      putLogResponse(node, log);
    } else if (message instanceof GetLoggerConfigRequest config) {
      putLoggerType(node, config.loggerType());
    } else if (message instanceof GetLoggerConfigResponse config) {
      if (config.echoed()) {
        putLoggerType(node, config.loggerType());
      }
      putLoggerConfig(node, config);
    } else if (message instanceof RawRequest raw) {
      node.put("data", Hex.plain(raw.data()));
    } else if (message instanceof RawResponse raw) {
      node.put("data", Hex.plain(raw.data()));
    }
  }

  /** {@code loggerType} and {@code loggerTypeName}. */
  static void putLoggerType(ObjectNode node, int loggerType) {
    node.put("loggerType", loggerType);
    node.put("loggerTypeName", GetLoggerConfigRequest.typeName(loggerType));
  }

  /**
   * {@code echoed}, {@code registers} (null when the configuration is no register list) and the
   * {@code configuration} bytes in hex.
   */
  static void putLoggerConfig(ObjectNode node, GetLoggerConfigResponse config) {
    node.put("echoed", config.echoed());
    config
        .registerIds()
        .ifPresentOrElse(
            ids -> node.set("registers", registerRefs(ids)), () -> node.putNull("registers"));
    node.put("configuration", Hex.plain(config.configuration()));
  }

  private static void putLogRequest(ObjectNode node, LogRequest log) {
    node.put("logId", log.logId());
    node.set("registerIds", ids(log.registerIds()));
    node.set("registers", registerRefs(log.registerIds()));
    node.put("maxRecords", log.maxRecords());
    node.put("maxLength", log.maxLength());
    if (log instanceof GetLogTimePresentRequest since) {
      node.put("from", Values.dateTime(since.from()));
    } else if (log instanceof GetLogIdPresentRequest fromId) {
      node.put("fromRecordId", fromId.fromRecordId());
    } else if (log instanceof GetLogTimePastRequest past) {
      node.put("from", Values.dateTime(past.from()));
      node.put("offset", past.offset());
    }
  }
}
