package org.camelkmp.component.kmp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Message;
import org.camelkmp.kmp.message.CommandArguments;
import org.camelkmp.kmp.value.RegisterValue;
import org.camelkmp.kmp.value.Registers;

/**
 * A command's named arguments as the producer's input headers: argument {@code logId} is header
 * {@code CamelKmpLogId}, and so on ({@code CamelKmp} and the name with a capital), for the input
 * headers {@link KmpConstants} documents only. Three come from elsewhere: {@code registers} falls
 * back to the endpoint's registers, {@code password} is the endpoint's, and {@code registerValue}
 * is a {@link RegisterValue} body.
 */
final class KmpHeaderArguments implements CommandArguments {
  private static final String PREFIX = "CamelKmp";

  private final Message message;
  private final KmpEndpoint endpoint;

  KmpHeaderArguments(Message message, KmpEndpoint endpoint) {
    this.message = message;
    this.endpoint = endpoint;
  }

  /** The header that carries an argument: {@code CamelKmpLogId} for {@code logId}. */
  static String header(String argument) {
    return PREFIX + argument.substring(0, 1).toUpperCase(Locale.ROOT) + argument.substring(1);
  }

  /** The registers: the header when set, else the endpoint's. */
  @Override
  public List<Integer> registers() {
    Object header = message.getHeader(KmpConstants.REGISTERS);
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
      ids.addAll(endpoint.registerIds());
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(
          "no registers to read: set the CamelKmpRegisters header or the endpoint's registers option");
    }
    return ids;
  }

  @Override
  public <T> Optional<T> find(String name, Class<T> type) {
    if (name.equals("password")) {
      return Optional.of(type.cast(endpoint.password()));
    }
    if (name.equals("registerValue")) {
      return message.getBody() instanceof RegisterValue value && type.isInstance(value)
          ? Optional.of(type.cast(value))
          : Optional.empty();
    }
    String header = header(name);
    if (!KmpHeaders.INPUTS.contains(header)) {
      return Optional.empty();
    }
    return Optional.ofNullable(message.getHeader(header, type));
  }

  @Override
  public IllegalArgumentException missing(String name) {
    return new IllegalArgumentException("header " + header(name) + " is required for this command");
  }
}
