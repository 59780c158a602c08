package org.camelkmp.kmp.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The faults a simulated meter applies to what it sends, settable while it runs. Each fault applies
 * to a number of requests or until cleared; every request frame the meter receives (answered or
 * not) uses up one of each active fault's requests. Several active faults apply in the order they
 * were injected, so {@code echo} then {@code noise} gives echo, noise, answer. Thread-safe.
 */
public final class FaultPlan {
  private final List<Active> active = new ArrayList<>();

  private static final class Active {
    private final Fault fault;
    private int remaining;

    Active(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  /**
   * Applies {@code fault} to the next {@code requests} requests.
   *
   * @throws IllegalArgumentException when {@code requests} is below 1
   */
  public synchronized FaultPlan inject(Fault fault, int requests) {
    Objects.requireNonNull(fault, "fault");
    if (requests < 1) {
      throw new IllegalArgumentException("requests " + requests + " must be at least 1");
    }
    active.add(new Active(fault, requests));
    return this;
  }

  /** Applies {@code fault} to every request until {@link #clear()}. */
  public synchronized FaultPlan injectUntilCleared(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    active.add(new Active(fault, -1));
    return this;
  }

  /** Removes every fault: the meter behaves again. */
  public synchronized void clear() {
    active.clear();
  }

  /** The faults that apply to the next request, in order. */
  public synchronized List<Fault> active() {
    return active.stream().map(a -> a.fault).toList();
  }

  /** Whether no fault applies. */
  public synchronized boolean isEmpty() {
    return active.isEmpty();
  }

  /** Applies the active faults to one request's reply and counts the request against them. */
  public synchronized Reply apply(byte[] request, Reply reply) {
    Reply result = reply;
    for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
      Active a = it.next();
      result = a.fault.apply(request, result);
      if (a.remaining > 0 && --a.remaining == 0) {
        it.remove();
      }
    }
    return result;
  }
}
