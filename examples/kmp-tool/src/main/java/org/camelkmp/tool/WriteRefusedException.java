package org.camelkmp.tool;

/** A command that changes the meter was given without {@code --yes}; nothing was sent. */
final class WriteRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WriteRefusedException(String message) {
    super(message);
  }
}
