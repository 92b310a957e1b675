package fwgear.tools.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds images from staged contexts, skipping those whose inputs did not change.
 *
 * <p>The cache key is a hash of everything that goes into the image: the builder, every context
 * file's path and bytes (the Dockerfile and the packaged jars included), the image names, the build
 * args and the id of each base image in the store (a rebuilt base rebuilds its gears). It is
 * recorded, with the image id, in {@code dist/<path>/<name>.docker-info.json} (where Pants writes
 * it). A build is skipped only when the key is unchanged and the builder's store still holds every
 * name with that id, so an image deleted from the store is rebuilt.
 */
public final class ImagePackager {
  /**
   * One image to build.
   *
   * @param label how progress names it (the docker_image address)
   * @param infoFile the docker-info.json path relative to {@code dist/}
   * @param context the files to build from
   * @param imageNames every full name ({@code repository:tag})
   * @param buildArgs the build args with values
   * @param baseImages the images the Dockerfile's FROMs name, build args substituted
   */
  public record ImageRequest(
      String label,
      String infoFile,
      BuildContext context,
      List<String> imageNames,
      Map<String, String> buildArgs,
      List<String> baseImages,
      Optional<String> targetStage,
      List<String> platforms) {
    public ImageRequest(
        String label,
        String infoFile,
        BuildContext context,
        List<String> imageNames,
        Map<String, String> buildArgs,
        List<String> baseImages) {
      this(
          label, infoFile, context, imageNames, buildArgs, baseImages, Optional.empty(), List.of());
    }
  }

  /** The result for one image. */
  public record PackagedImage(ImageRequest request, String imageId, boolean built, Duration time) {}

  /** What {@code docker-info.json} holds. */
  record ImageInfo(
      int version, String imageId, String inputsHash, String builder, List<String> names) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dist;
  private final ImageBuilder builder;
  private Map<String, String> localImages;

  public ImagePackager(Path root, ImageBuilder builder) {
    this.dist = root.toAbsolutePath().normalize().resolve("dist");
    this.builder = builder;
  }

  /** The hash of all of an image's inputs. */
  String inputsHash(ImageRequest request) throws IOException {
    ContentHash hash = new ContentHash().add("builder", builder.kind().program());
    request.context().hashInto(hash, FileDigests.of(dist.getParent()));
    for (String name : request.imageNames()) {
      hash.add("name", name);
    }
    request.buildArgs().forEach((name, value) -> hash.add("arg " + name, value));
    request.targetStage().ifPresent(stage -> hash.add("target", stage));
    request.platforms().forEach(platform -> hash.add("platform", platform));
    for (String base : request.baseImages()) {
      hash.add("base " + base, localImages().getOrDefault(ImageBuilder.shortName(base), "absent"));
    }
    return hash.hex();
  }

  /**
   * Builds the image unless an identical one is in the store; {@code onLine} gets the builder's
   * output (for {@code --verbose}).
   */
  public PackagedImage packageImage(ImageRequest request, Consumer<String> onLine)
      throws IOException {
    long start = System.nanoTime();
    String inputsHash = inputsHash(request);
    Path infoFile = dist.resolve(request.infoFile());
    ImageInfo previous = readInfo(infoFile);
    if (previous != null
        && previous.inputsHash().equals(inputsHash)
        && previous.builder().equals(builder.kind().program())
        && inStore(previous.imageId(), request.imageNames())) {
      return new PackagedImage(request, previous.imageId(), false, elapsed(start));
    }
    Path staged =
        request
            .context()
            .stage(
                dist.resolve(".gear/context")
                    .resolve(request.infoFile().replace(".docker-info.json", "")));
    String imageId =
        builder.build(
            new ImageBuilder.BuildRequest(
                staged,
                staged.resolve(request.context().dockerfile()),
                request.imageNames(),
                request.buildArgs(),
                request.targetStage(),
                request.platforms()),
            onLine);
    localImages = null; // the store changed (a base image may have been pulled, too)
    removeIfUnnamed(previous, imageId);
    writeInfo(
        infoFile,
        new ImageInfo(
            1, imageId, inputsHash(request), builder.kind().program(), request.imageNames()));
    return new PackagedImage(request, imageId, true, elapsed(start));
  }

  /**
   * Removes the gear's previous image once the new one took all its names: nothing refers to it any
   * more, and with buildah's vfs driver each one holds a full copy of the file system.
   */
  private void removeIfUnnamed(ImageInfo previous, String newId) throws IOException {
    if (previous == null || previous.imageId().equals(newId)) {
      return;
    }
    if (!localImages().containsValue(previous.imageId())) {
      try {
        builder.remove(previous.imageId());
      } catch (ImageBuilder.BuilderException inUseOrGone) {
        // a container still uses it, or it was removed already: leave it
      }
    }
  }

  /** Writes the image as an archive ({@code --output}). */
  public void save(PackagedImage image, ImageBuilder.ArchiveFormat format, Path archive)
      throws IOException {
    builder.save(image.request().imageNames().get(0), format, archive);
  }

  private boolean inStore(String imageId, List<String> names) throws IOException {
    Map<String, String> store = localImages();
    return names.stream().allMatch(name -> imageId.equals(store.get(name)));
  }

  /** The builder's store, listed once per run (and again after a build changed it). */
  private Map<String, String> localImages() throws IOException {
    if (localImages == null) {
      localImages = builder.localImages();
    }
    return localImages;
  }

  private static ImageInfo readInfo(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readValue(file.toFile(), ImageInfo.class);
    } catch (IOException unreadable) {
      return null;
    }
  }

  private static void writeInfo(Path file, ImageInfo info) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "docker-info", ".tmp");
    JSON.writeValue(temp.toFile(), info);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
