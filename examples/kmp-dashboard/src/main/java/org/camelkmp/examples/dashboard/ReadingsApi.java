package org.camelkmp.examples.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.camelkmp.kmp.value.Register;
import org.camelkmp.kmp.value.Registers;

/**
 * The dashboard's JSON API over {@code kmp_reading}: {@code /api/readings} (values over time) and
 * {@code /api/latest} (the newest reading). Values are exact decimals with the scale the meter
 * sent; times are ISO-8601 in UTC. A bad parameter is a {@link BadRequestException} naming it.
 */
public final class ReadingsApi {
  /** Rows {@code /api/readings} returns unless {@code limit} says otherwise. */
  public static final int DEFAULT_LIMIT = 10_000;

  /** Most rows one {@code /api/readings} request may ask for. */
  public static final int MAX_LIMIT = 100_000;

  /** Time span {@code /api/readings} covers when {@code from} is not given. */
  public static final Duration DEFAULT_SPAN = Duration.ofHours(24);

  private static final Set<String> READINGS_PARAMETERS =
      Set.of("from", "to", "register", "meter", "limit");
  private static final Set<String> LATEST_PARAMETERS = Set.of("meter");
  private static final String COLUMNS =
      "meter_serial, read_at, register_id, register_name, unit, value_decimal, value_scale,"
          + " value_text";

  private final DataSource dataSource;
  private final ObjectMapper json =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  public ReadingsApi(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One register value as the API writes it. */
  public record Value(
      Long meterSerial,
      String readAt,
      int id,
      String name,
      String unit,
      BigDecimal value,
      String text) {}

  /** The answer of {@code /api/readings}. */
  public record Readings(
      String from,
      String to,
      Long meter,
      List<String> registers,
      int limit,
      boolean truncated,
      int count,
      List<Value> readings) {}

  /** The answer of {@code /api/latest}: the registers of the meter's newest reading. */
  public record Latest(Long meterSerial, String readAt, List<LatestValue> registers) {}

  /** One register of {@code /api/latest}, with its description from the catalogue. */
  public record LatestValue(
      int id, String name, String description, String unit, BigDecimal value, String text) {
    static LatestValue of(Value value) {
      return new LatestValue(
          value.id(),
          value.name(),
          Registers.byId(value.id()).description(),
          value.unit(),
          value.value(),
          value.text());
    }
  }

  /** The body of every error answer. */
  public record Problem(int status, String parameter, String message) {}

  /**
   * {@code GET /api/readings?from=…&to=…&register=…&meter=…&limit=…}: the values read in {@code
   * [from, to)}, oldest first. {@code from} defaults to 24 hours before {@code to}, {@code to} to
   * now; {@code register} takes names or ids, repeated or comma separated, default all; {@code
   * meter} a serial number, default all meters; {@code limit} 1..100000, default 10000. When more
   * rows match than {@code limit}, the newest {@code limit} are returned and {@code truncated} is
   * true.
   */
  public String readings(Exchange exchange) throws SQLException {
    QueryParameters query =
        QueryParameters.parse(
            exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, String.class),
            READINGS_PARAMETERS);
    Instant to = query.single("to").map(t -> instant("to", t)).orElseGet(Instant::now);
    Instant from = query.single("from").map(t -> instant("from", t)).orElse(to.minus(DEFAULT_SPAN));
    if (!from.isBefore(to)) {
      throw new BadRequestException(
          "from", "from=" + from + " must be before to=" + to + " (the range is [from, to))");
    }
    List<Register> registers = registers(query.all("register"));
    Optional<Long> meter = query.single("meter").map(ReadingsApi::meter);
    int limit = query.single("limit").map(ReadingsApi::limit).orElse(DEFAULT_LIMIT);

    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM kmp_reading WHERE read_at >= ? AND read_at < ?");
    meter.ifPresent(m -> sql.append(" AND meter_serial = ?"));
    if (!registers.isEmpty()) {
      sql.append(" AND register_id IN (")
          .append(String.join(",", Collections.nCopies(registers.size(), "?")))
          .append(')');
    }
    sql.append(" ORDER BY read_at DESC, register_id DESC LIMIT ?");

    List<Value> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int i = 1;
      statement.setObject(i++, from.atOffset(ZoneOffset.UTC));
      statement.setObject(i++, to.atOffset(ZoneOffset.UTC));
      if (meter.isPresent()) {
        statement.setLong(i++, meter.get());
      }
      for (Register register : registers) {
        statement.setInt(i++, register.id());
      }
      statement.setInt(i, limit + 1);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(value(rows));
        }
      }
    }
    boolean truncated = values.size() > limit;
    if (truncated) {
      values = values.subList(0, limit);
    }
    values = new ArrayList<>(values);
    Collections.reverse(values);
    return write(
        exchange,
        new Readings(
            from.toString(),
            to.toString(),
            meter.orElse(null),
            registers.isEmpty() ? null : registers.stream().map(Register::name).toList(),
            limit,
            truncated,
            values.size(),
            values));
  }

  /**
   * {@code GET /api/latest?meter=…}: the values of the newest reading of {@code meter}, default the
   * meter read last; an empty list before the first reading.
   */
  public String latest(Exchange exchange) throws SQLException {
    QueryParameters query =
        QueryParameters.parse(
            exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, String.class),
            LATEST_PARAMETERS);
    Optional<Long> meter = query.single("meter").map(ReadingsApi::meter);
    try (Connection connection = dataSource.getConnection()) {
      Long serial;
      if (meter.isPresent()) {
        serial = meter.get();
      } else {
        try (PreparedStatement newest =
                connection.prepareStatement(
                    "SELECT meter_serial FROM kmp_reading ORDER BY read_at DESC LIMIT 1");
            ResultSet rows = newest.executeQuery()) {
          if (!rows.next()) {
            return write(exchange, new Latest(null, null, List.of()));
          }
          long value = rows.getLong(1);
          serial = rows.wasNull() ? null : value;
        }
      }
      String ofMeter = serial == null ? "meter_serial IS NULL" : "meter_serial = ?";
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM kmp_reading WHERE "
                  + ofMeter
                  + " AND read_at = (SELECT MAX(read_at) FROM kmp_reading WHERE "
                  + ofMeter
                  + ") ORDER BY register_id")) {
        if (serial != null) {
          statement.setLong(1, serial);
          statement.setLong(2, serial);
        }
        List<Value> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            values.add(value(rows));
          }
        }
        return write(
            exchange,
            new Latest(
                serial,
                values.isEmpty() ? null : values.get(0).readAt(),
                values.stream().map(LatestValue::of).toList()));
      }
    }
  }

  /** The 400 answer for a {@link BadRequestException} caught by the route. */
  public String badRequest(Exchange exchange) {
    BadRequestException e =
        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, BadRequestException.class);
    String body = write(exchange, new Problem(400, e.parameter(), e.getMessage()));
    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
    return body;
  }

  /** The 500 answer for anything else: a short message, the details only in the log. */
  public String internalError(Exchange exchange) {
    String body =
        write(exchange, new Problem(500, null, "the dashboard could not answer: its log says why"));
    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
    return body;
  }

  private String write(Exchange exchange, Object body) {
    // the request's headers and query parameters are not echoed in the answer
    exchange.getMessage().removeHeaders("*", "Camel*");
    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON", e);
    }
  }

  private static Value value(ResultSet rows) throws SQLException {
    long serial = rows.getLong("meter_serial");
    Long meterSerial = rows.wasNull() ? null : serial;
    OffsetDateTime readAt = rows.getObject("read_at", OffsetDateTime.class);
    BigDecimal value = rows.getBigDecimal("value_decimal").setScale(rows.getInt("value_scale"));
    return new Value(
        meterSerial,
        readAt.toInstant().toString(),
        rows.getInt("register_id"),
        rows.getString("register_name"),
        rows.getString("unit"),
        value,
        rows.getString("value_text"));
  }

  static Instant instant(String parameter, String text) {
    // a '+' left unencoded in a query arrives as a space: 10:00:00 01:00 means 10:00:00+01:00
    String iso = text.replace(' ', '+');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          parameter,
          parameter
              + "="
              + text
              + " is not an ISO-8601 time with a zone, such as 2026-11-23T10:00:00Z or"
              + " 2026-11-23T11:00:00%2B01:00");
    }
  }

  static List<Register> registers(List<String> given) {
    Set<Register> registers = new LinkedHashSet<>();
    for (String list : given) {
      if (list.isBlank()) {
        throw new BadRequestException("register", "parameter 'register' is empty");
      }
      for (String token : list.split("[,\\s]+")) {
        if (token.isEmpty()) {
          continue;
        }
        try {
          registers.add(Registers.resolve(token));
        } catch (IllegalArgumentException e) {
          throw new BadRequestException("register", "register=" + token + ": " + e.getMessage());
        }
      }
    }
    return List.copyOf(registers);
  }

  private static long meter(String text) {
    try {
      long serial = Long.parseLong(text);
      if (serial >= 0) {
        return serial;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "meter", "meter=" + text + " is not a meter serial number such as 72345678");
  }

  private static int limit(String text) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequestException(
        "limit", "limit=" + text + " is not a number of rows from 1 to " + MAX_LIMIT);
  }
}
