package org.camelkmp.tool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camelkmp.kmp.message.CommandArguments;

/**
 * A command's named arguments taken from a subcommand's options, so that the tool builds requests
 * through the command table ({@link org.camelkmp.kmp.message.CommandId#request}) as the Camel
 * producer does. Each argument is given with the option it came from, which a failure names.
 */
final class OptionArguments implements CommandArguments {
  private final List<Integer> registers;
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, String> options = new HashMap<>();

  /** Arguments with these register ids (already resolved and checked by the subcommand). */
  OptionArguments(List<Integer> registers) {
    this.registers = List.copyOf(registers);
  }

  /** Adds argument {@code name} from {@code option}; a null value is an option not given. */
  OptionArguments with(String name, Object value, String option) {
    options.put(name, option);
    if (value != null) {
      values.put(name, value);
    }
    return this;
  }

  @Override
  public List<Integer> registers() {
    if (registers.isEmpty()) {
      throw new IllegalArgumentException("no registers: give them with -r/--register");
    }
    return registers;
  }

  @Override
  public <T> Optional<T> find(String name, Class<T> type) {
    Object value = values.get(name);
    if (value != null && !type.isInstance(value)) {
      throw new IllegalArgumentException(
          options.get(name) + " " + value + " is not a " + type.getSimpleName());
    }
    return Optional.ofNullable(type.cast(value));
  }

  @Override
  public IllegalArgumentException missing(String name) {
    return new IllegalArgumentException(
        options.getOrDefault(name, name) + " is required for this command");
  }
}
