package org.camelkmp.kmp.transport;

/** Serial parity setting. KMP meters use {@link #NONE}. */
public enum Parity {
  NONE,
  ODD,
  EVEN,
  MARK,
  SPACE
}
