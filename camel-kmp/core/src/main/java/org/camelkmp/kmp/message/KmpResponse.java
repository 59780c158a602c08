package org.camelkmp.kmp.message;

/** A response from a meter: a data frame or, for SetClock and PutRegister, a lone ACK. */
public sealed interface KmpResponse extends KmpMessage
    permits GetTypeResponse,
        GetSerialNoResponse,
        AckResponse,
        GetRegisterResponse,
        EventStatusResponse,
        LogResponse,
        RawResponse {}
