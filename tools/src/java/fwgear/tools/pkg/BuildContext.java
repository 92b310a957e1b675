package fwgear.tools.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files an image is built from, as Pants stages them: each at its path in the context (file
 * targets and the Dockerfile at their repository paths, packaged binaries at their output paths),
 * and nothing else.
 *
 * @param dockerfile the Dockerfile's path inside the context
 * @param files context path to the file it is copied from
 */
public record BuildContext(String dockerfile, SortedMap<String, Path> files) {
  public BuildContext {
    files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    if (!files.containsKey(dockerfile)) {
      throw new IllegalArgumentException("the context must hold its Dockerfile " + dockerfile);
    }
  }

  public static BuildContext of(String dockerfile, Map<String, Path> files) {
    return new BuildContext(dockerfile, new TreeMap<>(files));
  }

  /** Adds the names and contents of every file to {@code hash}. */
  public void hashInto(ContentHash hash, FileDigests digests) throws IOException {
    hash.add("dockerfile", dockerfile);
    for (Map.Entry<String, Path> file : files.entrySet()) {
      hash.add("path", file.getKey());
      hash.addFile(file.getValue().getParent(), file.getValue(), digests);
    }
  }

  /** Copies the files into {@code folder}, which is emptied first. */
  public Path stage(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(folder);
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path target = folder.resolve(file.getKey()).normalize();
      if (!target.startsWith(folder)) {
        throw new IOException("context path leaves the context: " + file.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.copy(file.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
    }
    return folder;
  }
}
