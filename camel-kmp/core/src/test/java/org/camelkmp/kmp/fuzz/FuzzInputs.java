package org.camelkmp.kmp.fuzz;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.camelkmp.kmp.frame.Crc16;
import org.camelkmp.kmp.frame.Direction;
import org.camelkmp.kmp.frame.PhysicalLayer;
import org.camelkmp.kmp.message.ClearEventStatusRequest;
import org.camelkmp.kmp.message.EventStatus;
import org.camelkmp.kmp.message.EventStatusResponse;
import org.camelkmp.kmp.message.FrameCodec;
import org.camelkmp.kmp.message.GetEventStatusRequest;
import org.camelkmp.kmp.message.GetLogIdPresentRequest;
import org.camelkmp.kmp.message.GetLogLastPresentRequest;
import org.camelkmp.kmp.message.GetLogTimePastRequest;
import org.camelkmp.kmp.message.GetLogTimePresentRequest;
import org.camelkmp.kmp.message.GetRegisterRequest;
import org.camelkmp.kmp.message.GetRegisterResponse;
import org.camelkmp.kmp.message.GetSerialNoRequest;
import org.camelkmp.kmp.message.GetSerialNoResponse;
import org.camelkmp.kmp.message.GetTypeRequest;
import org.camelkmp.kmp.message.GetTypeResponse;
import org.camelkmp.kmp.message.KmpRequest;
import org.camelkmp.kmp.message.KmpResponse;
import org.camelkmp.kmp.message.LogRecord;
import org.camelkmp.kmp.message.LogResponse;
import org.camelkmp.kmp.message.PutRegisterRequest;
import org.camelkmp.kmp.message.RawRequest;
import org.camelkmp.kmp.message.RawResponse;
import org.camelkmp.kmp.message.SetClockRequest;
import org.camelkmp.kmp.value.RegisterValue;

/**
 * Makes fuzz inputs from a seed: random bytes, valid frames of every request and response type, and
 * those frames mutated (bit flips, byte changes, inserted and deleted runs, splices, truncation),
 * half of the mutants with their CRC and stuffing repaired so that they get past the physical and
 * data-link layers into the application decoders. Deterministic for a seed.
 */
final class FuzzInputs {
  /** CIDs the codec knows, plus a few it does not. */
  private static final int[] CIDS = {
    0x01, 0x02, 0x09, 0x10, 0x11, 0x9B, 0x9C, 0xA0, 0xA1, 0xA2, 0xA3, 0x00, 0x06, 0xB8, 0xFF
  };

  /** Register ids the simulator and the catalogue know, plus unknown ones. */
  private static final int[] IDS = {
    60, 63, 68, 74, 80, 86, 87, 99, 348, 369, 1001, 1002, 1003, 1004, 266, 0, 5000, 0xFFFF
  };

  /** Unit codes with special meanings (clock, dates, ASCII, date-time, RTC) and ordinary ones. */
  private static final int[] UNITS = {
    0x2F, 0x30, 0x31, 0x32, 0x36, 0x4F, 0x35, 0x3F, 0x40, 0x3B, 0x01, 0x11, 0x15, 0x27, 0x00, 0xFF
  };

  private final SplittableRandom random;

  FuzzInputs(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next input, of any of the kinds. */
  byte[] next() {
    int kind = random.nextInt(100);
    if (kind < 10) {
      return randomBytes(random.nextInt(random.nextInt(8) == 0 ? 3000 : 64));
    }
    if (kind < 20) {
      return wrap(randomApplication(), random.nextBoolean());
    }
    if (kind < 30) {
      return validFrame();
    }
    byte[] mutant = mutate(validFrame());
    return kind < 65 ? repair(mutant) : mutant;
  }

  /** A valid physical frame of a random request or response (a lone ACK now and then). */
  byte[] validFrame() {
    int address = random.nextInt(8) == 0 ? random.nextInt(256) : 0x3F;
    if (random.nextInt(40) == 0) {
      return new byte[] {(byte) PhysicalLayer.ACK};
    }
    return random.nextBoolean()
        ? FrameCodec.encodeRequest(address, request())
        : FrameCodec.encodeResponse(address, response());
  }

  /** A valid request frame to 0x3F, as the simulator would receive it. */
  byte[] validRequestFrame() {
    return FrameCodec.encodeRequest(0x3F, request());
  }

  KmpRequest request() {
    return switch (random.nextInt(12)) {
      case 0 -> new GetTypeRequest();
      case 1 -> new GetSerialNoRequest();
      case 2 -> new GetEventStatusRequest();
      case 3 -> new SetClockRequest(dateTime(2000, 2099));
      case 4 -> new PutRegisterRequest(random.nextInt(0x10000), value());
      case 5 -> new ClearEventStatusRequest(status(), status());
      case 6 -> new GetLogTimePresentRequest(logId(), ids(), u8(), u8(), dateTime(2000, 2255));
      case 7 -> new GetLogLastPresentRequest(logId(), ids(), u8(), u8());
      case 8 -> new GetLogIdPresentRequest(logId(), ids(), u8(), u8(), random.nextInt(0x10000));
      case 9 ->
          new GetLogTimePastRequest(
              logId(), ids(), u8(), u8(), dateTime(2000, 2255), random.nextInt(0x10000));
      case 10 -> new RawRequest(CIDS[random.nextInt(CIDS.length)], randomBytes(u8() % 16));
      default -> new GetRegisterRequest(ids());
    };
  }

  KmpResponse response() {
    return switch (random.nextInt(7)) {
      case 0 -> new GetTypeResponse(random.nextInt(0x10000), random.nextInt(0x10000));
      case 1 -> new GetSerialNoResponse(random.nextLong(1L << 32));
      case 2 -> new EventStatusResponse(random.nextBoolean() ? 0x9B : 0x9C, status());
      case 3 -> logResponse();
      case 4 -> new RawResponse(CIDS[random.nextInt(CIDS.length)], randomBytes(u8() % 16));
      default -> {
        List<RegisterValue> values = new ArrayList<>();
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
          values.add(value());
        }
        yield new GetRegisterResponse(values);
      }
    };
  }

  private LogResponse logResponse() {
    int cid = 0xA0 + random.nextInt(4);
    if (random.nextInt(5) == 0) {
      return new LogResponse(cid, -1, List.of(), -1, -1, 1 + random.nextInt(255));
    }
    List<RegisterValue> first = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      first.add(value());
    }
    List<LogRecord> records = new ArrayList<>();
    int count = random.nextInt(4);
    int id = random.nextInt(0x10000 - 8);
    for (int r = 0; r < count; r++) {
      List<RegisterValue> values = new ArrayList<>();
      for (RegisterValue v : first) {
        values.add(
            r == 0 ? v : new RegisterValue(v.id(), v.unitCode(), v.siex(), randomBytes(v.nob())));
      }
      records.add(new LogRecord(id + r, values));
    }
    return new LogResponse(
        cid, logId(), records, random.nextInt(0x10000), random.nextInt(0x10000), u8());
  }

  RegisterValue value() {
    int nob = random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 4;
    if (random.nextInt(6) == 0) {
      nob = 7;
    }
    if (random.nextInt(8) == 0) {
      nob = random.nextInt(8) == 0 ? 0 : 9 + random.nextInt(24); // none, or beyond a long
    }
    return new RegisterValue(
        IDS[random.nextInt(IDS.length)],
        UNITS[random.nextInt(UNITS.length)],
        random.nextInt(4) == 0 ? u8() : random.nextInt(8),
        randomBytes(nob));
  }

  private List<Integer> ids() {
    int n = 1 + random.nextInt(8);
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(random.nextInt(3) == 0 ? random.nextInt(0x10000) : IDS[random.nextInt(IDS.length)]);
    }
    return ids;
  }

  private int logId() {
    return random.nextInt(3) == 0 ? u8() : 1 + random.nextInt(2);
  }

  private EventStatus status() {
    return new EventStatus(u8(), u8(), u8(), u8());
  }

  private LocalDateTime dateTime(int fromYear, int toYear) {
    return LocalDateTime.of(
        fromYear + random.nextInt(toYear - fromYear + 1),
        1 + random.nextInt(12),
        1 + random.nextInt(28),
        random.nextInt(24),
        random.nextInt(60),
        random.nextInt(60));
  }

  private int u8() {
    return random.nextInt(256);
  }

  byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) interestingByte();
    }
    return bytes;
  }

  private int interestingByte() {
    return switch (random.nextInt(10)) {
      case 0 -> 0x80;
      case 1 -> 0x40;
      case 2 -> 0x0D;
      case 3 -> 0x1B;
      case 4 -> 0x06;
      default -> u8();
    };
  }

  /** Application bytes that start with a CID the codec knows (mostly) and random data. */
  private byte[] randomApplication() {
    byte[] data = randomBytes(random.nextInt(random.nextInt(6) == 0 ? 300 : 40));
    byte[] application = new byte[data.length + 1];
    application[0] = (byte) CIDS[random.nextInt(CIDS.length)];
    System.arraycopy(data, 0, application, 1, data.length);
    return application;
  }

  /** Address, application bytes and a correct CRC, stuffed and framed. */
  private byte[] wrap(byte[] application, boolean request) {
    byte[] dataLink = new byte[application.length + 3];
    dataLink[0] = 0x3F;
    System.arraycopy(application, 0, dataLink, 1, application.length);
    int crc = Crc16.compute(dataLink, 0, dataLink.length - 2);
    dataLink[dataLink.length - 2] = (byte) (crc >>> 8);
    dataLink[dataLink.length - 1] = (byte) crc;
    return frame(request ? Direction.REQUEST : Direction.RESPONSE, dataLink);
  }

  private static byte[] frame(Direction direction, byte[] dataLink) {
    byte[] stuffed = PhysicalLayer.stuff(dataLink);
    byte[] out = new byte[stuffed.length + 2];
    out[0] = (byte) direction.startByte();
    System.arraycopy(stuffed, 0, out, 1, stuffed.length);
    out[out.length - 1] = (byte) PhysicalLayer.STOP;
    return out;
  }

  /** One to four random mutations. */
  byte[] mutate(byte[] input) {
    byte[] out = input;
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      out = mutateOnce(out);
    }
    return out;
  }

  private byte[] mutateOnce(byte[] in) {
    int n = in.length;
    switch (random.nextInt(9)) {
      case 0:
        if (n > 0) {
          byte[] out = in.clone();
          out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
          return out;
        }
        return in;
      case 1:
        if (n > 0) {
          byte[] out = in.clone();
          out[random.nextInt(n)] = (byte) interestingByte();
          return out;
        }
        return in;
      case 2:
        {
          int at = random.nextInt(n + 1);
          byte[] insert = randomBytes(1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 4));
          return splice(in, at, at, insert);
        }
      case 3:
        if (n > 0) {
          int from = random.nextInt(n);
          int to = Math.min(n, from + 1 + random.nextInt(4));
          return splice(in, from, to, new byte[0]);
        }
        return in;
      case 4:
        return Arrays.copyOf(in, random.nextInt(n + 1));
      case 5:
        {
          byte[] other = validFrame();
          return random.nextBoolean() ? concat(in, other) : concat(other, in);
        }
      case 6:
        if (n > 1) {
          int from = random.nextInt(n);
          int to = Math.min(n, from + 1 + random.nextInt(8));
          byte[] run = Arrays.copyOfRange(in, from, to);
          int at = random.nextInt(n + 1);
          return splice(in, at, at, run);
        }
        return in;
      case 7:
        {
          byte[] other = validFrame();
          int cut = random.nextInt(n + 1);
          int otherCut = random.nextInt(other.length + 1);
          return concat(Arrays.copyOf(in, cut), Arrays.copyOfRange(other, otherCut, other.length));
        }
      default:
        if (n > 2) {
          // change a length-like byte (NoB, n, record count) inside the frame
          byte[] out = in.clone();
          int at = 1 + random.nextInt(n - 2);
          out[at] = (byte) (random.nextBoolean() ? random.nextInt(10) : 0xFF - random.nextInt(3));
          return out;
        }
        return in;
    }
  }

  /**
   * Makes a mutant well formed again where that is possible: destuffs leniently, recomputes the CRC
   * over everything but the last two bytes, stuffs and frames again. Content that is too short for
   * a CRC is returned unchanged.
   */
  static byte[] repair(byte[] mutant) {
    if (mutant.length < 2) {
      return mutant;
    }
    Direction direction = Direction.ofStartByte(mutant[0]);
    if (direction == null) {
      direction = Direction.RESPONSE;
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (int i = 1; i < mutant.length; i++) {
      int b = mutant[i] & 0xFF;
      if (b == PhysicalLayer.STOP && i == mutant.length - 1) {
        break;
      }
      if (b == PhysicalLayer.ESCAPE && i + 1 < mutant.length) {
        content.write(~mutant[++i] & 0xFF);
      } else {
        content.write(b);
      }
    }
    byte[] dataLink = content.toByteArray();
    if (dataLink.length < 4 || dataLink.length > PhysicalLayer.MAX_DATA_LINK_LENGTH) {
      return mutant;
    }
    int crc = Crc16.compute(dataLink, 0, dataLink.length - 2);
    dataLink[dataLink.length - 2] = (byte) (crc >>> 8);
    dataLink[dataLink.length - 1] = (byte) crc;
    return frame(direction, dataLink);
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
    byte[] out = new byte[in.length - (to - from) + insert.length];
    System.arraycopy(in, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(in, to, out, from + insert.length, in.length - to);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
