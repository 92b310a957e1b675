package fwgear.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A gear's base folder for tests: the test manifest, a config.json fixture and the input file. */
public final class GearFolder {
  public static final String WORDS = "the quick brown fox jumps\n";

  private GearFolder() {}

  /** Base folder with manifest.json, input/text_file/words.txt and, if named, a config.json. */
  public static Path create(Path dir, String configResource) {
    try {
      Files.createDirectories(dir);
      copy("manifest.json", dir.resolve("manifest.json"));
      if (configResource != null) {
        copy(configResource, dir.resolve("config.json"));
      }
      Path input = Files.createDirectories(dir.resolve("input/text_file"));
      Files.writeString(input.resolve("words.txt"), WORDS);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String resource(String name) {
    try (InputStream in = GearFolder.class.getResourceAsStream("/fwgear/context/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(String resource, Path to) throws IOException {
    Files.writeString(to, resource(resource));
  }
}
