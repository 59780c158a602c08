package org.camelkmp.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.camelkmp.kmp.error.KmpException;
import org.camelkmp.kmp.error.KmpFramingException;
import org.camelkmp.kmp.message.DecodedFrame;
import org.camelkmp.kmp.message.FrameCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes KMP frames of either direction offline, such as a sniffer caught them: requests"
          + " (start 0x80), responses (start 0x40) and lone ACKs (0x06). Hex with or without"
          + " spaces, colons or 0x; several frames in one go. Bytes outside frames are"
          + " skipped. With -v (before the command) also shows the decoding steps.",
      "Reads standard input when no HEX is given."
    })
final class DecodeCommand implements Callable<Integer> {
  @ParentCommand KmpTool tool;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON for machines instead of text.")
  boolean json;

  /** Whether --json was given before or after the command. */
  boolean json() {
    return json || tool.json;
  }

  @Parameters(
      paramLabel = "HEX",
      arity = "0..*",
      description = "Frames in hex, e.g. 403F0100041BF90126990D.")
  List<String> hex = new ArrayList<>();

  @Override
  public Integer call() {
    byte[] bytes = Hex.parse(hex.isEmpty() ? readStandardInput() : hex);
    List<FrameSplitter.Chunk> chunks = FrameSplitter.split(bytes);
    if (chunks.stream().noneMatch(FrameSplitter.Chunk::isFrame)) {
      KmpFramingException none =
          new KmpFramingException(
              bytes.length == 0
                  ? "no frame to decode: give frames in hex, such as 403F0100041BF90126990D"
                  : "no KMP frame in "
                      + bytes.length
                      + " byte(s): a frame starts with 80 (request) or 40 (response) and ends"
                      + " with 0D");
      throw new DecodeFailedException(none.getMessage(), none);
    }
    List<String> failures = new ArrayList<>();
    KmpException firstFailure = null;
    ArrayNode frames = Json.NODES.arrayNode();
    List<String> skipped = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    int number = 0;
    for (FrameSplitter.Chunk chunk : chunks) {
      if (!chunk.isFrame()) {
        skipped.add(Hex.plain(chunk.bytes()));
        lines.add(
            "skipped "
                + chunk.bytes().length
                + " byte(s) outside a frame: "
                + Hex.spaced(chunk.bytes()));
        continue;
      }
      number++;
      byte[] frame = chunk.bytes();
      try {
        DecodedFrame decoded = decode(chunk);
        frames.add(Json.frame(frame, decoded));
        lines.add("frame " + number + ": " + Hex.spaced(frame));
        if (tool.verbosity() >= 1) {
          FrameExplainer.explain(frame).forEach(step -> lines.add("  . " + step));
        }
        Text.describe(decoded).forEach(line -> lines.add("  " + line));
      } catch (KmpException e) {
        frames.add(Json.badFrame(frame, e));
        failures.add("frame " + number + " (" + Hex.plain(frame) + "): " + e.getMessage());
        if (firstFailure == null) {
          firstFailure = e;
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json()) {
      ObjectNode node = Json.object();
      node.set("frames", frames);
      ArrayNode skippedNode = node.putArray("skipped");
      skipped.forEach(skippedNode::add);
      Json.print(out, node);
    } else {
      lines.forEach(out::println);
      out.flush();
    }
    if (firstFailure != null) {
      String message =
          failures.size() == 1
              ? failures.get(0)
              : failures.get(0) + "; and " + (failures.size() - 1) + " more bad frame(s)";
      throw new DecodeFailedException(message, firstFailure);
    }
    return ExitCodes.OK;
  }

  private static DecodedFrame decode(FrameSplitter.Chunk chunk) {
    if (chunk.kind() == FrameSplitter.Kind.INCOMPLETE) {
      throw new KmpFramingException(
          "incomplete frame: no stop byte 0x0D after " + chunk.bytes().length + " byte(s)");
    }
    return FrameCodec.decode(chunk.bytes());
  }

  private static List<String> readStandardInput() {
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
      return reader.lines().collect(Collectors.toList());
    } catch (UncheckedIOException e) {
      throw new UsageException("cannot read standard input: " + e.getMessage());
    }
  }
}
