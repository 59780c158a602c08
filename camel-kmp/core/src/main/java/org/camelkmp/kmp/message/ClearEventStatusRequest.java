package org.camelkmp.kmp.message;

/**
 * ClearEventStatus (0x9C): clears event status bits. Bits in {@code conditional} are cleared only
 * when the newest log record has been read; bits in {@code unconditional} always. Also moves the
 * "last read" marker that GetLogLastPresent uses. Changes the meter. Answered with ES0..ES3.
 */
public record ClearEventStatusRequest(EventStatus conditional, EventStatus unconditional)
    implements KmpRequest {
  @Override
  public int cid() {
    return CommandId.CLEAR_EVENT_STATUS.code();
  }
}
