package fwgear.tools.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fwgear.tools.UsageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gear's image as a docker-archive tar ({@code ./gear package --output docker-archive}, {@code
 * docker save}): the names it carries, read from the archive's {@code manifest.json} ({@code
 * RepoTags}), so that an archive of another image or version is never uploaded for a gear.
 */
public record ImageArchive(Path path, long size, List<String> names) {
  private static final int BLOCK = 512;

  /**
   * Reads the archive's image names.
   *
   * @throws UsageException when the file is not a readable docker-archive (named, with the reason)
   */
  public static ImageArchive read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new UsageException("the image archive " + path + " does not exist");
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
      byte[] header = new byte[BLOCK];
      while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
        if (!new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
          break;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        String entry = prefix.isEmpty() ? name : prefix + "/" + name;
        String octal = text(header, 124, 12).strip();
        long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
        if (entry.equals("manifest.json") || entry.equals("./manifest.json")) {
          JsonNode manifest = new ObjectMapper().readTree(in.readNBytes((int) size));
          List<String> names = new ArrayList<>();
          for (JsonNode image : manifest) {
            image.path("RepoTags").forEach(tag -> names.add(tag.asText()));
          }
          return new ImageArchive(path, Files.size(path), names);
        }
        in.skipNBytes((size + BLOCK - 1) / BLOCK * BLOCK);
      }
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          "the image archive "
              + path
              + " cannot be read as a docker-archive tar: "
              + e.getMessage());
    }
    throw new UsageException(
        "the image archive "
            + path
            + " is not a docker-archive (no manifest.json): write it with ./gear package --output"
            + " docker-archive");
  }

  /** Whether the archive carries this image name ({@code docker.io/}, {@code localhost/} aside). */
  public boolean carries(String image) {
    String wanted = normal(image);
    return names.stream().map(ImageArchive::normal).anyMatch(wanted::equals);
  }

  /** The image name without the default registry: {@code docker.io/library/x:1} is {@code x:1}. */
  static String normal(String image) {
    for (String prefix : List.of("docker.io/library/", "docker.io/", "localhost/")) {
      if (image.startsWith(prefix)) {
        return image.substring(prefix.length());
      }
    }
    return image;
  }

  /** The size as people read it, {@code 134 MB}. */
  public String shownSize() {
    return size >= 1_000_000 ? Math.round(size / 1e6) + " MB" : size + " bytes";
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }
}
