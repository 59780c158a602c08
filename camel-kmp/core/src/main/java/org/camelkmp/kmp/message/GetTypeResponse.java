package org.camelkmp.kmp.message;

/**
 * Answer to GetType: meter type and software revision, two bytes each.
 *
 * @param meterType e.g. 0x0004 for a MULTICAL 601 with Pt100
 * @param revision first byte a letter index (1 = A), second a number: 0x0601 is "F1"; 0 when not
 *     available
 */
public record GetTypeResponse(int meterType, int revision) implements KmpResponse {
  public GetTypeResponse {
    if (meterType < 0 || meterType > 0xFFFF || revision < 0 || revision > 0xFFFF) {
      throw new IllegalArgumentException("meter type and revision are two bytes each");
    }
  }

  @Override
  public int cid() {
    return CommandId.GET_TYPE.code();
  }

  /**
   * The revision as the meter's label shows it: "F1" for bytes 06 01; "n/a" for 00 00; a letter
   * index beyond Z is shown as its number in brackets.
   */
  public String revisionText() {
    int letter = revision >>> 8;
    int number = revision & 0xFF;
    if (revision == 0) {
      return "n/a";
    }
    String prefix =
        letter >= 1 && letter <= 26
            ? String.valueOf((char) ('A' + letter - 1))
            : "[" + letter + "]";
    return prefix + number;
  }

  /** Parses "F1" back to a revision: letter index then number. */
  public static int parseRevision(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    if (!t.matches("[A-Z][0-9]{1,3}") || Integer.parseInt(t.substring(1)) > 255) {
      throw new IllegalArgumentException(
          "revision '" + text + "' must be a letter and a number 0..255, like F1");
    }
    return ((t.charAt(0) - 'A' + 1) << 8) | Integer.parseInt(t.substring(1));
  }
}
