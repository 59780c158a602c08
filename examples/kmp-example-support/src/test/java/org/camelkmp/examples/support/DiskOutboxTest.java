package org.camelkmp.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskOutboxTest {
  @TempDir Path dir;

  private static byte[] state(int n) {
    return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static DiskOutbox outbox(Path dir, int capacity) {
    return new DiskOutbox(dir, capacity, "test.buffer.max");
  }

  private static List<String> drain(DiskOutbox outbox) {
    List<String> out = new ArrayList<>();
    for (var e = outbox.oldest(); e.isPresent(); e = outbox.oldest()) {
      out.add(new String(e.get().bytes(), StandardCharsets.UTF_8));
      outbox.delivered(e.get());
    }
    return out;
  }

  @Test
  void messagesComeOutInTheOrderTheyWentInWithTheirTopic() {
    DiskOutbox outbox = outbox(dir, 100);
    for (int i = 1; i <= 12; i++) {
      outbox.add(state(i));
    }

    assertThat(drain(outbox))
        .containsExactly(
            "{\"n\":1}",
            "{\"n\":2}",
            "{\"n\":3}",
            "{\"n\":4}",
            "{\"n\":5}",
            "{\"n\":6}",
            "{\"n\":7}",
            "{\"n\":8}",
            "{\"n\":9}",
            "{\"n\":10}",
            "{\"n\":11}",
            "{\"n\":12}");
    assertThat(outbox.size()).isZero();
  }

  @Test
  void whatWasNotDeliveredOutlivesARestartAndNewMessagesComeAfterIt() {
    DiskOutbox first = outbox(dir, 100);
    first.add(state(1));
    first.add(state(2));
    first.delivered(first.oldest().orElseThrow());

    DiskOutbox second = outbox(dir, 100);
    second.add(state(3));

    assertThat(drain(second)).containsExactly("{\"n\":2}", "{\"n\":3}");
  }

  @Test
  void aMessageDeliveredJustBeforeACrashIsNotDeliveredAgain() throws Exception {
    DiskOutbox first = outbox(dir, 100);
    first.add(state(1));
    first.add(state(2));
    Path file;
    try (var files = Files.list(dir)) {
      file = files.filter(f -> f.toString().endsWith(".msg")).sorted().findFirst().orElseThrow();
    }
    byte[] kept = Files.readAllBytes(file);
    first.delivered(first.oldest().orElseThrow());
    // the crash came after the delivery was recorded but before the file was gone
    Files.write(file, kept);

    assertThat(drain(outbox(dir, 100))).containsExactly("{\"n\":2}");
  }

  @Test
  void aMessageHalfWrittenWhenTheProcessDiedIsDropped() throws Exception {
    DiskOutbox first = outbox(dir, 100);
    first.add(state(1));
    Files.writeString(dir.resolve(".0000000000000000002.msg.part"), "{\"n\"");

    DiskOutbox second = outbox(dir, 100);

    assertThat(drain(second)).containsExactly("{\"n\":1}");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("delivered");
    }
  }

  @Test
  void whenFullTheOldestGoFirst() {
    DiskOutbox outbox = outbox(dir, 3);
    for (int i = 1; i <= 5; i++) {
      outbox.add(state(i));
    }

    assertThat(outbox.size()).isEqualTo(3);
    assertThat(drain(outbox)).containsExactly("{\"n\":3}", "{\"n\":4}", "{\"n\":5}");
  }
}
