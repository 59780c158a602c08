package org.camelkmp.kmp.message;

/**
 * A request to a meter. Every request encodes to and decodes from its application bytes through
 * {@link ApplicationLayer}, so readers, the simulator and offline frame decoders share one codec.
 */
public sealed interface KmpRequest extends KmpMessage
    permits GetTypeRequest,
        GetSerialNoRequest,
        SetClockRequest,
        GetRegisterRequest,
        PutRegisterRequest,
        GetEventStatusRequest,
        ClearEventStatusRequest,
        LogRequest,
        RawRequest {

  /** Whether the meter answers with a lone ACK instead of a response frame. */
  default boolean expectsAck() {
    return cid() == CommandId.SET_CLOCK.code() || cid() == CommandId.PUT_REGISTER.code();
  }
}
