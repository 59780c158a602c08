package org.camelkmp.kmp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the frame decoder and every message decoder: the fixed corpus ({@code corpus.txt} and
 * every frame of vectors.tsv) and then generated inputs (random bytes, valid frames of every type,
 * and mutants of them, half with CRC and stuffing repaired so they reach the application layer).
 * Every input must give a decoded message or one of the core's own exceptions: never another
 * exception, no input may take long (a hang) and none may make the decoder allocate much (unbounded
 * memory).
 *
 * <p>In {@code mvn verify} this is a regression run: the corpus and {@value #DEFAULT_INPUTS} inputs
 * per target from a fixed seed. A long run takes the number of inputs and the seed (a number, or
 * {@code random}) as system properties, and prints its figures:
 *
 * <pre>
 * mvn -B -pl camel-kmp/core,camel-kmp/simulator -am test -Dtest=FrameDecoderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dkmp.fuzz.inputs=2000000 -Dkmp.fuzz.seed=random
 * </pre>
 *
 * The figures also go to {@code camel-kmp/core/target/fuzz-figures.txt}.
 */
class FrameDecoderFuzzTest {
  static final int DEFAULT_INPUTS = 40_000;
  static final long DEFAULT_SEED = 20_261_123L;

  /** An input slower than this is taken as a hang (well above a garbage collector pause). */
  static final long MAX_NANOS_PER_INPUT = TimeUnit.SECONDS.toNanos(2);

  /** No input may make a target allocate more than this (inputs are at most a few kB). */
  static final long MAX_BYTES_PER_INPUT = 8L * 1024 * 1024;

  static int inputs() {
    return Integer.getInteger("kmp.fuzz.inputs", DEFAULT_INPUTS);
  }

  static long seed() {
    String value = System.getProperty("kmp.fuzz.seed", Long.toString(DEFAULT_SEED));
    return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("FrameCodec.decode", (Function<byte[], String>) FuzzTargets::decodeFrame),
        Arguments.of(
            "each layer on raw bytes",
            (Function<byte[], String>)
                input -> {
                  FuzzTargets.decodeLayers(input);
                  return "layers";
                }),
        Arguments.of(
            "FrameReceiver stream",
            (Function<byte[], String>)
                input -> FuzzTargets.receive(input) > 0 ? "with frames" : "without a frame"),
        Arguments.of(
            "KmpClient reading GetRegister",
            (Function<byte[], String>) input -> FuzzTargets.clientReads(input, false)),
        Arguments.of(
            "KmpClient awaiting an ACK",
            (Function<byte[], String>) input -> FuzzTargets.clientReads(input, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyInputDecodesOrGivesACoreException(String name, Function<byte[], String> target) {
    long seed = seed();
    FuzzRun run = new FuzzRun(name, target);
    for (byte[] input : corpus()) {
      run.feed(input);
    }
    FuzzInputs generator = new FuzzInputs(seed);
    int count = inputs();
    for (int i = 0; i < count; i++) {
      run.feed(generator.next());
    }
    figures("seed " + seed + ": " + run.report());

    assertThat(run.findings()).as("inputs that broke the decoder").isEmpty();
    assertThat(run.maxNanos()).as("slowest input, ns").isLessThan(MAX_NANOS_PER_INPUT);
    assertThat(run.maxAllocated())
        .as("most bytes allocated for one input")
        .isLessThan(MAX_BYTES_PER_INPUT);
    assertThat(run.decoded())
        .as("inputs that decoded (the generator reaches the decoders)")
        .isPositive();
  }

  /** The corpus file and every frame of vectors.tsv. */
  static List<byte[]> corpus() {
    List<byte[]> inputs = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (String line : lines("/org/camelkmp/kmp/fuzz/corpus.txt")) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      inputs.add(hex.parseHex(text.replace(" ", "")));
    }
    List<String> vectors = lines("/org/camelkmp/kmp/vectors.tsv");
    for (String line : vectors.subList(1, vectors.size())) {
      if (!line.isBlank()) {
        inputs.add(hex.parseHex(line.split("\t")[0]));
      }
    }
    return inputs;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = FrameDecoderFuzzTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the figures and appends them to target/fuzz-figures.txt. */
  static void figures(String text) {
    System.out.print("[fuzz] " + text);
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.writeString(
            target.resolve("fuzz-figures.txt"),
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      // the figures were printed anyway
    }
  }
}
