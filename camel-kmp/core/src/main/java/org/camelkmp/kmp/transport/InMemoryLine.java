package org.camelkmp.kmp.transport;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.camelkmp.kmp.error.KmpTransportException;

/**
 * Two transports connected back to back in memory, so a client and a simulated meter can talk
 * without a port. Bytes written on one side are read on the other.
 *
 * <p>Both sides start closed; call {@link Transport#open()} on each. Bytes written while the other
 * side is not open are lost, as on a real line with nobody listening. Closing a side is seen by the
 * other side like a broken connection: once it has read the bytes still buffered, its {@code read}
 * throws {@link KmpTransportException} and it reports {@link Transport#isOpen()} false; {@code
 * open()} starts a new session, which lets tests exercise reconnects.
 *
 * <p>Each side is safe for one reading and one writing thread, and {@code close()} may be called
 * from any thread to abort a blocked read.
 */
public final class InMemoryLine {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final End meter;
  private final End client;

  private InMemoryLine(String name) {
    meter = new End(name + ":meter");
    client = new End(name + ":client");
    meter.peer = client;
    client.peer = meter;
  }

  /**
   * A line named {@code memory}; its sides are named {@code memory:meter} and {@code
   * memory:client}.
   */
  public static InMemoryLine create() {
    return create("memory");
  }

  /**
   * A line whose sides are named {@code name:meter} and {@code name:client}, for error messages.
   */
  public static InMemoryLine create(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an in-memory line needs a name");
    }
    return new InMemoryLine(name);
  }

  /** The side a simulated meter uses. */
  public Transport meterSide() {
    return meter;
  }

  /** The side a KMP client uses. */
  public Transport clientSide() {
    return client;
  }

  private enum State {
    CLOSED,
    OPEN,
    /** The other side closed while this one was open; it stays so until reopened or closed. */
    BROKEN
  }

  private final class End implements Transport {
    private final String name;
    private final ArrayDeque<Byte> inbound = new ArrayDeque<>();
    private End peer;
    private State state = State.CLOSED;
    private boolean peerHungUp;

    End(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void open() {
      lock.lock();
      try {
        if (state != State.OPEN) {
          inbound.clear();
          peerHungUp = false;
          state = State.OPEN;
        }
      } finally {
        lock.unlock();
      }
    }

    @Override
    public boolean isOpen() {
      lock.lock();
      try {
        return state == State.OPEN;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void write(byte[] bytes) {
      lock.lock();
      try {
        requireOpen();
        if (peerHungUp) {
          throw hungUp();
        }
        if (peer.state == State.OPEN && !peer.peerHungUp) {
          for (byte b : bytes) {
            peer.inbound.addLast(b);
          }
          changed.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }

    @Override
    public int read(long timeoutMillis) {
      lock.lock();
      try {
        long remaining = TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        while (true) {
          requireOpen();
          Byte b = inbound.pollFirst();
          if (b != null) {
            return b & 0xFF;
          }
          if (peerHungUp) {
            throw hungUp();
          }
          if (remaining <= 0) {
            return -1;
          }
          remaining = changed.awaitNanos(remaining);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KmpTransportException("interrupted while waiting for a byte on " + name, e);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void discardInput() {
      lock.lock();
      try {
        inbound.clear();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      lock.lock();
      try {
        if (state == State.OPEN && peer.state == State.OPEN) {
          peer.peerHungUp = true;
        }
        state = State.CLOSED;
        inbound.clear();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }

    private void requireOpen() {
      if (state == State.CLOSED) {
        throw new KmpTransportException(name + " is closed; open it first");
      }
      if (state == State.BROKEN) {
        throw new KmpTransportException(
            "the other side of " + name + " closed the line; reopen to start a new session");
      }
    }

    private KmpTransportException hungUp() {
      state = State.BROKEN;
      inbound.clear();
      return new KmpTransportException(
          "the other side of " + name + " closed the line; reopen to start a new session");
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
