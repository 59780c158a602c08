package org.camelkmp.tool;

/**
 * Bad input that is only found while the command runs (hex to decode, a configuration file), as
 * opposed to the command line itself, which picocli checks.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
