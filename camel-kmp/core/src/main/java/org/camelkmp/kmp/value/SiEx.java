package org.camelkmp.kmp.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.camelkmp.kmp.error.KmpMessageException;

/**
 * The KMP number format: an unsigned big-endian mantissa of NoB bytes and a SiEx byte whose bit 7
 * is the sign of the value, bit 6 the sign of the exponent and bits 5..0 the exponent magnitude:
 * {@code value = (-1)^bit7 * mantissa * 10^((-1)^bit6 * exponent)}.
 *
 * <p>KMP puts no limit on NoB but its field: one byte, so a mantissa has 0..{@value #MAX_NOB}
 * bytes. Any of them decodes, exactly: a mantissa a {@code long} cannot hold is a {@link
 * BigInteger}, so a 10-byte value loses no digit. An empty mantissa (NoB 0) has no digits and reads
 * as 0; whether a register came with a value is {@code RegisterValue.hasValue()}.
 *
 * <p>Decoding is exact ({@link BigDecimal}, never binary floating point) and keeps the meter's
 * precision: mantissa 100 with exponent -2 decodes to {@code 1.00}.
 */
public final class SiEx {

  /** Largest number of mantissa bytes (NoB): the NoB field is one byte. */
  public static final int MAX_NOB = 255;

  private static final int MAX_EXPONENT = 0x3F;

  /** Decimal digits of the largest mantissa (2^2040 - 1 has 615) plus the largest exponent. */
  private static final long MAX_INTEGER_DIGITS = 615 + MAX_EXPONENT;

  /** Longer values are shown in exponent notation in messages, not written out. */
  private static final int MAX_SHOWN_DIGITS = 700;

  private SiEx() {}

  /**
   * A value in wire form: the SiEx byte and the mantissa bytes (NoB = mantissa length).
   *
   * @param siex the SiEx byte, 0..255
   * @param mantissa the mantissa, unsigned big-endian (a copy is kept)
   */
  public record Encoded(int siex, byte[] mantissa) {
    /** Keeps a copy of the mantissa. */
    public Encoded {
      mantissa = mantissa.clone();
    }

    /** The mantissa bytes (a copy). */
    @Override
    public byte[] mantissa() {
      return mantissa.clone();
    }

    /** Number of mantissa bytes. */
    public int nob() {
      return mantissa.length;
    }
  }

  /**
   * Decodes a mantissa and SiEx byte to an exact decimal.
   *
   * @param siex the SiEx byte (0..255)
   * @param mantissa 0..255 bytes, unsigned big-endian; none reads as 0
   * @throws KmpMessageException for more than 255 bytes, which no NoB field can announce
   */
  public static BigDecimal decode(int siex, byte[] mantissa) {
    return decode(siex, mantissa, 0, mantissa.length);
  }

  /**
   * Decodes {@code nob} mantissa bytes starting at {@code offset}.
   *
   * @throws KmpMessageException for a {@code nob} outside 0..255
   */
  public static BigDecimal decode(int siex, byte[] bytes, int offset, int nob) {
    if (nob < 0 || nob > MAX_NOB) {
      throw new KmpMessageException(
          "number of value bytes " + nob + " is out of range 0.." + MAX_NOB);
    }
    BigInteger unscaled = unsignedMantissa(bytes, offset, nob);
    if ((siex & 0x80) != 0) {
      unscaled = unscaled.negate();
    }
    int exponent = siex & MAX_EXPONENT;
    int scale = (siex & 0x40) != 0 ? exponent : -exponent;
    return new BigDecimal(unscaled, scale);
  }

  /**
   * The mantissa as an unsigned integer: 0 for no bytes, a {@code long} computation up to 7 bytes,
   * {@link BigInteger} arithmetic beyond.
   */
  public static BigInteger unsignedMantissa(byte[] bytes, int offset, int nob) {
    if (nob <= 7) {
      long value = 0;
      for (int i = 0; i < nob; i++) {
        value = (value << 8) | (bytes[offset + i] & 0xFF);
      }
      return BigInteger.valueOf(value);
    }
    byte[] magnitude = new byte[nob];
    System.arraycopy(bytes, offset, magnitude, 0, nob);
    return new BigInteger(1, magnitude);
  }

  /**
   * Encodes a value with the shortest mantissa that represents it exactly: trailing zeros move into
   * the exponent, so 255000 becomes mantissa 255 (1 byte) with exponent 3.
   *
   * @throws IllegalArgumentException when no mantissa of at most 255 bytes with an exponent in
   *     -63..63 represents the value exactly
   */
  public static Encoded encode(BigDecimal value) {
    BigDecimal normal = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    int scale = normal.scale();
    BigInteger unscaled = normal.unscaledValue();
    if ((long) normal.precision() - scale > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          "value " + shown(value) + " needs more than " + MAX_NOB + " value bytes");
    }
    if (scale < -MAX_EXPONENT) {
      unscaled = unscaled.multiply(BigInteger.TEN.pow(-MAX_EXPONENT - scale));
      scale = -MAX_EXPONENT;
    }
    if (scale > MAX_EXPONENT) {
      throw new IllegalArgumentException(
          "value " + shown(value) + " needs more than 63 decimal places");
    }
    int nob = Math.max(1, (unscaled.abs().bitLength() + 7) / 8);
    return build(value, unscaled, scale, nob);
  }

  /**
   * Encodes a value with exactly {@code nob} mantissa bytes: the shortest exact form, padded with
   * leading zero bytes. Meters send most registers with NoB 4; use this to produce the same.
   *
   * @param nob 1..255 (no value bytes at all is a register without value, not a number)
   * @throws IllegalArgumentException when the value cannot be represented exactly in that length
   */
  public static Encoded encode(BigDecimal value, int nob) {
    checkForcedLength(nob);
    Encoded shortest = encode(value);
    if (shortest.nob() > nob) {
      throw new IllegalArgumentException(
          "value "
              + shown(value)
              + " needs "
              + shortest.nob()
              + " value bytes, more than the "
              + nob
              + " asked for");
    }
    byte[] padded = new byte[nob];
    System.arraycopy(shortest.mantissa, 0, padded, nob - shortest.nob(), shortest.nob());
    return new Encoded(shortest.siex(), padded);
  }

  /**
   * Encodes a value keeping its scale (its number of decimals) when it fits, as a meter does that
   * always sends a register with a fixed exponent: {@code 1.00} becomes mantissa 100, exponent -2.
   * Falls back to the shortest form when the scale does not fit, and takes more than {@code nob}
   * bytes when the value needs them: the simulator's NoB 4 registers grow with their values.
   *
   * @param nob 1..255, the fewest bytes to send
   * @throws IllegalArgumentException when the value cannot be represented exactly in 255 bytes
   */
  public static Encoded encodeKeepingScale(BigDecimal value, int nob) {
    checkForcedLength(nob);
    int scale = value.scale();
    if (scale >= -MAX_EXPONENT && scale <= MAX_EXPONENT) {
      BigInteger unscaled = value.unscaledValue();
      if ((unscaled.abs().bitLength() + 7) / 8 <= nob) {
        return build(value, unscaled, scale, nob);
      }
    }
    return encode(value, Math.max(nob, encode(value).nob()));
  }

  /** The value in plain digits, or in exponent notation when that would be very long. */
  private static String shown(BigDecimal value) {
    long plainLength = (long) value.precision() + Math.abs((long) value.scale());
    return plainLength <= MAX_SHOWN_DIGITS ? value.toPlainString() : value.toString();
  }

  private static void checkForcedLength(int nob) {
    if (nob < 1 || nob > MAX_NOB) {
      throw new IllegalArgumentException(
          "number of value bytes " + nob + " is out of range 1.." + MAX_NOB + " for a number");
    }
  }

  private static Encoded build(BigDecimal original, BigInteger unscaled, int scale, int nob) {
    BigInteger magnitude = unscaled.abs();
    if (magnitude.bitLength() > MAX_NOB * 8) {
      throw new IllegalArgumentException(
          "value " + shown(original) + " needs more than " + MAX_NOB + " value bytes");
    }
    if (magnitude.bitLength() > nob * 8) {
      throw new IllegalArgumentException(
          "value " + shown(original) + " does not fit in " + nob + " value bytes");
    }
    int siex = (unscaled.signum() < 0 ? 0x80 : 0) | (scale > 0 ? 0x40 : 0) | Math.abs(scale);
    byte[] mantissa = new byte[nob];
    byte[] raw = magnitude.toByteArray();
    int copy = Math.min(raw.length, nob);
    System.arraycopy(raw, raw.length - copy, mantissa, nob - copy, copy);
    return new Encoded(siex, mantissa);
  }
}
