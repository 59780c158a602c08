package org.camelkmp.kmp.message;

/** GetType (0x01): asks for the meter type and software revision. */
public record GetTypeRequest() implements KmpRequest {
  @Override
  public int cid() {
    return CommandId.GET_TYPE.code();
  }
}
