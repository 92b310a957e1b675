package fwgear.engine.sample;

import fwgear.context.GearContext;
import fwgear.engine.GearEngine;
import fwgear.engine.GearExecution;
import fwgear.engine.GearExecutionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's sample gear (a test fixture): counts the words of its {@code text_file} input and
 * writes {@code output/count.txt}, tagged in the metadata. Its manifest is
 * test/resources/fwgear/context/manifest.json. Config {@code center: "fail"} makes it fail.
 */
public final class WordCountGear {
  // Not a static field of the main class: that would bind SLF4J before the engine picks the gear
  // runtime's provider (GearLogging.preferGearProvider), and the gear would log through logback.
  private static Logger log() {
    return LoggerFactory.getLogger(WordCountGear.class);
  }

  /** The gear's config, bound from config.json. */
  public record Config(
      boolean dryRun, String adminGroup, int speed, String center, List<String> tags) {}

  private WordCountGear() {}

  public static void main(String[] args) {
    System.exit(GearEngine.create().run(WordCountGear::create, args));
  }

  /** The run part: gathers what the computation needs. */
  public static GearExecution create(GearContext context) throws GearExecutionException {
    Config config = context.config(Config.class);
    if (config.center().equals("fail")) {
      throw new GearExecutionException("center \"fail\" is not a known center");
    }
    String text;
    try (InputStream in = context.openInput("text_file")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GearExecutionException("cannot read the text file: " + e.getMessage(), e);
    }
    log().info("Using the key {}", context.apiKey().orElseThrow());
    return c -> count(c, config, text);
  }

  /** The main part: the computation. */
  static void count(GearContext context, Config config, String text) throws GearExecutionException {
    String[] words = text.strip().split("\\s+");
    log().info("Counted {} words for center {}", words.length, config.center());
    try {
      Files.writeString(context.outputDir().resolve("count.txt"), words.length + "\n");
    } catch (IOException e) {
      throw new GearExecutionException("cannot write the count: " + e.getMessage(), e);
    }
    context
        .metadata()
        .updateFile("count.txt", Map.of("type", "text"))
        .addFileTags("count.txt", "counted");
    context.metadata().updateDestination(Map.of("info", Map.of("words", words.length)));
  }
}
