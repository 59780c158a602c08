package org.camelkmp.kmp.message;

import java.util.Optional;

/** An application-layer message: a request to a meter or a response from one. */
public sealed interface KmpMessage permits KmpRequest, KmpResponse {

  /** The command id byte. */
  int cid();

  /** The known command, empty for a raw message with an unknown CID. */
  default Optional<CommandId> command() {
    return CommandId.of(cid());
  }

  /** The command's name, or {@code CID 0xNN} when unknown. */
  default String commandName() {
    return command().map(CommandId::commandName).orElse(String.format("CID 0x%02X", cid()));
  }
}
