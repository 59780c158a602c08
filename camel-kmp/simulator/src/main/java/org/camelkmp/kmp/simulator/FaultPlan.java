package org.camelkmp.kmp.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The faults a simulated meter applies to what it sends, settable while it runs. Each fault applies
 * to a number of requests or until cleared; every request frame the meter receives (answered or
 * not) uses up one of each active fault's requests. Several active faults apply in the order they
 * were injected, so {@code echo} then {@code noise} gives echo, noise, answer. Thread-safe.
 *
 * <p>The plan numbers the requests it sees (1, 2, 3, … since it was made) and remembers which
 * faults hit which request ({@link #hits()}), so a test knows exactly which answers a fault spoilt
 * instead of guessing from the clock. A {@link Fault.OnRequest} fault runs its action when the
 * request arrives, before the meter's answer goes out: a fault of the path (a gateway stopped, a
 * cable cut) injected at a chosen exchange.
 */
public final class FaultPlan {
  /** How many hit requests are remembered; older ones are forgotten first. */
  static final int HITS_REMEMBERED = 10_000;

  private final List<Active> active = new ArrayList<>();
  private final Deque<Hit> hits = new ArrayDeque<>();
  private long requests;

  /**
   * One request that faults hit.
   *
   * @param request the request's number, counted from 1 by this plan
   * @param faults the faults applied to it, in order
   */
  public record Hit(long request, List<Fault> faults) {
    public Hit {
      faults = List.copyOf(faults);
    }
  }

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

  /** The number of requests seen so far: the number of the last one, 0 before the first. */
  public synchronized long requestsSeen() {
    return requests;
  }

  /** The requests that faults hit, oldest first (the last {@value #HITS_REMEMBERED}). */
  public synchronized List<Hit> hits() {
    return List.copyOf(hits);
  }

  /**
   * Applies the active faults to one request's reply and counts the request against them. The
   * actions of {@link Fault.OnRequest} faults run after the plan's lock is released, on the calling
   * thread, before this returns.
   */
  public Reply apply(byte[] request, Reply reply) {
    List<Fault> applied = new ArrayList<>();
    Reply result = reply;
    synchronized (this) {
      requests++;
      for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
        Active a = it.next();
        result = a.fault.apply(request, result);
        applied.add(a.fault);
        if (a.remaining > 0 && --a.remaining == 0) {
          it.remove();
        }
      }
      if (!applied.isEmpty()) {
        hits.addLast(new Hit(requests, applied));
        if (hits.size() > HITS_REMEMBERED) {
          hits.removeFirst();
        }
      }
    }
    for (Fault fault : applied) {
      if (fault instanceof Fault.OnRequest onRequest) {
        onRequest.action().run();
      }
    }
    return result;
  }
}
