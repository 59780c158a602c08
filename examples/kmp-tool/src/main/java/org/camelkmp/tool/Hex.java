package org.camelkmp.tool;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

/** Hex as people paste it: with or without spaces, colons, dashes, commas or 0x prefixes. */
final class Hex {
  private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();
  private static final HexFormat PLAIN = HexFormat.of().withUpperCase();

  private Hex() {}

  /** {@code 40 3F 01}. */
  static String spaced(byte[] bytes) {
    return SPACED.formatHex(bytes);
  }

  /** {@code 403F01}. */
  static String plain(byte[] bytes) {
    return PLAIN.formatHex(bytes);
  }

  /** {@code 0x3F}. */
  static String byteHex(int value) {
    return String.format("0x%02X", value);
  }

  /**
   * Parses every argument and joins the bytes.
   *
   * @throws UsageException naming the offending text
   */
  static byte[] parse(List<String> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String part : parts) {
      for (String token : part.trim().split("[\\s:,;\\-]+")) {
        if (token.isEmpty()) {
          continue;
        }
        String digits = token.regionMatches(true, 0, "0x", 0, 2) ? token.substring(2) : token;
        if (!digits.matches("[0-9A-Fa-f]*")) {
          throw new UsageException(
              "not hex: '" + token + "' (give bytes such as 40 3F 01 or 403F01)");
        }
        if (digits.length() % 2 != 0) {
          throw new UsageException(
              "odd number of hex digits in '" + token + "': every byte takes two digits");
        }
        out.writeBytes(PLAIN.parseHex(digits));
      }
    }
    return out.toByteArray();
  }
}
