package org.camelkmp.kmp.message;

/** GetEventStatus (0x9B): asks for the event status bytes ES0..ES3. */
public record GetEventStatusRequest() implements KmpRequest {
  @Override
  public int cid() {
    return CommandId.GET_EVENT_STATUS.code();
  }
}
