package org.camelkmp.kmp.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.camelkmp.kmp.frame.Crc16;

/**
 * One way the simulated line misbehaves, as real meters, heads and gateways do: so a reader's
 * handling of each failure can be tested. A fault turns the {@link Reply} the meter would give into
 * another; inject faults with a {@link FaultPlan}.
 *
 * <p>Faults that rewrite a frame ({@link CorruptCrc}, {@link WrongCid}) leave a lone ACK (which has
 * neither CRC nor CID) and any non-frame bytes unchanged.
 */
public sealed interface Fault
    permits Fault.NoAnswer,
        Fault.Delay,
        Fault.Echo,
        Fault.CorruptCrc,
        Fault.Truncate,
        Fault.DropMiddle,
        Fault.WrongCid,
        Fault.Noise,
        Fault.OnRequest {

  /** What this fault makes of {@code reply}, the answer to {@code request}. */
  Reply apply(byte[] request, Reply reply);

  /** The meter stays silent (a sleeping or absent meter; only an echo, if any, comes back). */
  static Fault noAnswer() {
    return new NoAnswer();
  }

  /** The answer comes {@code delay} later than usual. */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /** The request comes back first, as from an echoing optical head. */
  static Fault echo() {
    return new Echo();
  }

  /** The answer's CRC is wrong (line noise). */
  static Fault corruptCrc() {
    return new CorruptCrc();
  }

  /** Only the first {@code keep} bytes of the answer are sent. */
  static Fault truncate(int keep) {
    return new Truncate(keep);
  }

  /** {@code count} bytes are lost from the middle of the answer; start and stop survive. */
  static Fault dropMiddle(int count) {
    return new DropMiddle(count);
  }

  /** The answer carries another CID (with a correct CRC). */
  static Fault wrongCid(int cid) {
    return new WrongCid(cid);
  }

  /** Stray bytes come before the answer, such as the meter's unsolicited 0x00. */
  static Fault noise(byte... bytes) {
    return new Noise(bytes);
  }

  /**
   * Something happens on the path when the request reaches the meter, before its answer goes out:
   * {@code action} runs (once per request the fault applies to) on the meter's thread. Combine it
   * with {@link #noAnswer()} for a path that breaks before the answer (a gateway stopped, a head
   * unplugged), or alone for one that breaks on the answer's way (a cable cut in the answer). The
   * reply is unchanged.
   *
   * @param what what happens, for the fault's {@code toString()} and failure messages
   */
  static Fault onRequest(String what, Runnable action) {
    return new OnRequest(what, action);
  }

  /** See {@link Fault#noAnswer()}. */
  record NoAnswer() implements Fault {
    @Override
    public Reply apply(byte[] request, Reply reply) {
      return reply.withAnswer(new byte[0]);
    }
  }

  /** See {@link Fault#delay(Duration)}. */
  record Delay(Duration delay) implements Fault {
    public Delay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay " + delay + " is negative");
      }
    }

    @Override
    public Reply apply(byte[] request, Reply reply) {
      return reply.withDelay(reply.delay().plus(delay));
    }
  }

  /** See {@link Fault#echo()}. */
  record Echo() implements Fault {
    @Override
    public Reply apply(byte[] request, Reply reply) {
      return reply.withEcho(request);
    }
  }

  /** See {@link Fault#corruptCrc()}. */
  record CorruptCrc() implements Fault {
    @Override
    public Reply apply(byte[] request, Reply reply) {
      return reply.withAnswer(
          FrameSurgery.rewrite(reply.answer(), dataLink -> dataLink[dataLink.length - 1] ^= 0x01));
    }
  }

  /** See {@link Fault#truncate(int)}. */
  record Truncate(int keep) implements Fault {
    public Truncate {
      if (keep < 0) {
        throw new IllegalArgumentException("bytes to keep " + keep + " is negative");
      }
    }

    @Override
    public Reply apply(byte[] request, Reply reply) {
      byte[] answer = reply.answer();
      return reply.withAnswer(Arrays.copyOf(answer, Math.min(keep, answer.length)));
    }
  }

  /** See {@link Fault#dropMiddle(int)}. */
  record DropMiddle(int count) implements Fault {
    public DropMiddle {
      if (count < 1) {
        throw new IllegalArgumentException("bytes to drop " + count + " must be at least 1");
      }
    }

    @Override
    public Reply apply(byte[] request, Reply reply) {
      byte[] answer = reply.answer();
      if (answer.length < 3) {
        return reply;
      }
      int dropped = Math.min(count, answer.length - 2);
      int from = Math.max(1, (answer.length - dropped) / 2);
      byte[] out = new byte[answer.length - dropped];
      System.arraycopy(answer, 0, out, 0, from);
      System.arraycopy(answer, from + dropped, out, from, answer.length - from - dropped);
      return reply.withAnswer(out);
    }
  }

  /** See {@link Fault#wrongCid(int)}. */
  record WrongCid(int cid) implements Fault {
    public WrongCid {
      if (cid < 0 || cid > 255) {
        throw new IllegalArgumentException("CID " + cid + " is out of range 0..255");
      }
    }

    @Override
    public Reply apply(byte[] request, Reply reply) {
      return reply.withAnswer(
          FrameSurgery.rewrite(
              reply.answer(),
              dataLink -> {
                dataLink[1] = (byte) cid;
                int crc = Crc16.compute(dataLink, 0, dataLink.length - 2);
                dataLink[dataLink.length - 2] = (byte) (crc >>> 8);
                dataLink[dataLink.length - 1] = (byte) crc;
              }));
    }
  }

  /** See {@link Fault#noise(byte...)}. */
  record Noise(byte[] bytes) implements Fault {
    public Noise {
      if (bytes.length == 0) {
        throw new IllegalArgumentException("noise needs at least one byte");
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public Reply apply(byte[] request, Reply reply) {
      byte[] answer = reply.answer();
      byte[] out = Arrays.copyOf(bytes, bytes.length + answer.length);
      System.arraycopy(answer, 0, out, bytes.length, answer.length);
      return reply.withAnswer(out);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Noise n && Arrays.equals(n.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Noise[" + HexFormat.of().formatHex(bytes) + "]";
    }
  }

  /** See {@link Fault#onRequest(String, Runnable)}. */
  record OnRequest(String what, Runnable action) implements Fault {
    public OnRequest {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(action, "action");
    }

    @Override
    public Reply apply(byte[] request, Reply reply) {
      return reply;
    }

    @Override
    public String toString() {
      return "OnRequest[" + what + "]";
    }
  }
}
