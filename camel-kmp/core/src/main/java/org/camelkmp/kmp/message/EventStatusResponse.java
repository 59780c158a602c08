package org.camelkmp.kmp.message;

/**
 * Answer to GetEventStatus (0x9B) or ClearEventStatus (0x9C): the event status bytes ES0..ES3.
 *
 * @param cid 0x9B or 0x9C
 * @param status the status after the command
 */
public record EventStatusResponse(int cid, EventStatus status) implements KmpResponse {
  public EventStatusResponse {
    if (cid != CommandId.GET_EVENT_STATUS.code() && cid != CommandId.CLEAR_EVENT_STATUS.code()) {
      throw new IllegalArgumentException(
          String.format("CID 0x%02X does not answer with event status", cid));
    }
  }
}
