package org.camelkmp.examples.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineFilesTest {
  @TempDir Path dir;

  @Test
  void aFileEndingInALineFeedIsLeftAlone() throws Exception {
    Path file = Files.writeString(dir.resolve("a.jsonl"), "{}\n{}\n");

    assertThat(LineFiles.cutTornTail(file)).isZero();

    assertThat(Files.readString(file)).isEqualTo("{}\n{}\n");
    assertThat(dir.resolve("a.jsonl.torn")).doesNotExist();
  }

  @Test
  void anEmptyOrAbsentFileIsLeftAlone() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");

    assertThat(LineFiles.cutTornTail(empty)).isZero();
    assertThat(LineFiles.cutTornTail(dir.resolve("absent.csv"))).isZero();

    assertThat(dir.resolve("absent.csv")).doesNotExist();
  }

  @Test
  void aTornLastLineIsMovedAsideWithALineFeed() throws Exception {
    Path file = Files.writeString(dir.resolve("b.csv"), "h\r\n1,2\r\n3,");

    assertThat(LineFiles.cutTornTail(file)).isEqualTo(2);

    assertThat(Files.readString(file)).isEqualTo("h\r\n1,2\r\n");
    assertThat(Files.readString(dir.resolve("b.csv.torn"))).isEqualTo("3,\n");
  }

  @Test
  void aFileWithoutAnyLineFeedIsEmptiedAndSetAside() throws Exception {
    Path file = Files.writeString(dir.resolve("c.jsonl"), "{\"partial");

    assertThat(LineFiles.cutTornTail(file)).isEqualTo(9);

    assertThat(file).isEmptyFile();
    assertThat(Files.readString(dir.resolve("c.jsonl.torn"))).isEqualTo("{\"partial\n");
  }

  @Test
  void aTornLineLongerThanTheReadChunkIsFoundWhole() throws Exception {
    String longLine = "x".repeat(20_000);
    Path file = Files.writeString(dir.resolve("d.jsonl"), "first\n" + longLine);

    assertThat(LineFiles.cutTornTail(file)).isEqualTo(20_000);

    assertThat(Files.readString(file)).isEqualTo("first\n");
    assertThat(Files.readString(dir.resolve("d.jsonl.torn"))).isEqualTo(longLine + "\n");
  }

  @Test
  void repairAllTouchesOnlyDayFilesWithATornLine() throws Exception {
    Path torn = Files.writeString(dir.resolve("readings-2026-01-01.jsonl"), "{}\n{");
    Path whole = Files.writeString(dir.resolve("readings-2026-01-02.csv"), "h\r\n");
    Path other = Files.writeString(dir.resolve("notes.txt"), "no line feed");

    assertThat(LineFiles.repairAll(dir)).containsExactly(torn);

    assertThat(Files.readString(torn)).isEqualTo("{}\n");
    assertThat(Files.readString(whole)).isEqualTo("h\r\n");
    assertThat(Files.readString(other)).isEqualTo("no line feed");
  }

  @Test
  void forceSyncsAnExistingFile() throws Exception {
    Path file = Files.writeString(dir.resolve("e.jsonl"), "{}\n");

    new LineFiles().force(file.toString());

    assertThat(Files.readString(file)).isEqualTo("{}\n");
  }
}
