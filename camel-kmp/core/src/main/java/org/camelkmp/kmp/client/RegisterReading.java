package org.camelkmp.kmp.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * The result of reading a set of registers: the values the meter sent, in the order asked, and the
 * ids it left out because it does not have them.
 *
 * @param values one value per register the meter knows, in the order asked
 * @param missing ids asked for that the meter did not answer, in the order asked
 * @param requestCount GetRegister requests it took (⌈distinct ids / 8⌉ when nothing failed)
 * @param readAt when the last answer arrived
 * @param duration from the first request to the last answer, retries included
 */
public record RegisterReading(
    List<RegisterValue> values,
    List<Integer> missing,
    int requestCount,
    Instant readAt,
    Duration duration) {

  public RegisterReading {
    values = List.copyOf(values);
    missing = List.copyOf(missing);
  }

  /** The value of a register, if the meter sent it. */
  public Optional<RegisterValue> value(int registerId) {
    return values.stream().filter(v -> v.id() == registerId).findFirst();
  }
}
