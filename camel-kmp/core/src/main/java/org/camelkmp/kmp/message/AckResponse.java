package org.camelkmp.kmp.message;

/** The lone ACK byte 0x06 with which a meter accepts SetClock and PutRegister. */
public record AckResponse() implements KmpResponse {
  /** The one instance there needs to be. */
  public static final AckResponse INSTANCE = new AckResponse();

  /** An ACK carries no CID; this returns 0x06, the byte itself. */
  @Override
  public int cid() {
    return 0x06;
  }

  @Override
  public String commandName() {
    return "ACK";
  }
}
