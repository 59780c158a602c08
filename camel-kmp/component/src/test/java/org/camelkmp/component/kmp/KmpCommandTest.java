package org.camelkmp.component.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.camel.spi.Metadata;
import org.camelkmp.kmp.message.CommandId;
import org.junit.jupiter.api.Test;

class KmpCommandTest {

  @Test
  void theEnumForCamelsToolingListsExactlyTheCommandsOfTheTable() {
    assertThat(Arrays.stream(KmpCommand.values()).map(KmpCommand::name))
        .as("KmpCommand must repeat CommandId's names: add or remove the constant there too")
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(CommandId.values()).map(CommandId::commandName).toList());
  }

  @Test
  void theCommandHeaderIsDocumentedWithEveryCommandOfTheTable() throws NoSuchFieldException {
    String description =
        KmpConstants.class.getField("COMMAND").getAnnotation(Metadata.class).description();
    for (CommandId id : CommandId.values()) {
      assertThat(description).as("CamelKmpCommand's @Metadata").contains(id.commandName());
    }
  }

  @Test
  void eachConstantFindsItsCommandInTheTableAndBack() {
    for (CommandId id : CommandId.values()) {
      assertThat(KmpCommand.of(id).commandId()).isEqualTo(id);
      assertThat(KmpCommand.byName(id.commandName())).isEqualTo(KmpCommand.of(id));
    }
  }
}
