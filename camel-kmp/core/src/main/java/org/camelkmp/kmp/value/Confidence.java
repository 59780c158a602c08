package org.camelkmp.kmp.value;

/** How sure the catalogue is about a register's meaning. */
public enum Confidence {
  /** From a vendor document. */
  DOCUMENTED,
  /** Several open implementations agree. */
  COMMUNITY,
  /** One reverse-engineering source. */
  GUESS,
  /** Not in the catalogue at all. */
  UNKNOWN
}
