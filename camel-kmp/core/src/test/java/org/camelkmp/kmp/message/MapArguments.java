package org.camelkmp.kmp.message;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Named arguments from a map, for tests; registers under "registers" as a list of ids. */
record MapArguments(Map<String, Object> values) implements CommandArguments {
  @SuppressWarnings("unchecked")
  @Override
  public List<Integer> registers() {
    Object ids = values.get("registers");
    if (ids == null) {
      throw new IllegalArgumentException("no registers given");
    }
    return (List<Integer>) ids;
  }

  @Override
  public <T> Optional<T> find(String name, Class<T> type) {
    return Optional.ofNullable(type.cast(values.get(name)));
  }

  @Override
  public IllegalArgumentException missing(String name) {
    return new IllegalArgumentException("argument " + name + " is required");
  }
}
