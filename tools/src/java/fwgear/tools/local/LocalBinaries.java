package fwgear.tools.local;

import fwgear.problem.InvalidInputException;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.DockerImage;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Target.BinaryTarget;
import fwgear.tools.buildfile.Target.DeployJarTarget;
import fwgear.tools.docker.Dockerfile;
import fwgear.tools.pkg.BinaryPackager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a gear's binaries through its Dockerfile: every {@code COPY <source> <in-image path>} whose
 * source is the gear's packaged binary (its Pants output path, such as {@code
 * gears.project_management.src.java.project_app/bin.jar}, built under {@code dist/}) or a file of
 * the repository becomes an in-image path mapped to a local file.
 */
public final class LocalBinaries implements GearBinaries {

  /** Builds a packaged binary (a deploy_jar's fat jar) into its file under {@code dist/}. */
  @FunctionalInterface
  public interface Builder {
    void build(Gear gear, BinaryTarget binary, Path outputFile, PrintWriter progress);
  }

  private final Builder builder;

  public LocalBinaries(Builder builder) {
    this.builder = builder;
  }

  /** Builds deploy_jar targets with the packager (cached: a jar is rebuilt only when stale). */
  public static LocalBinaries packaging() {
    return new LocalBinaries(LocalBinaries::packageJar);
  }

  private static void packageJar(
      Gear gear, BinaryTarget binary, Path outputFile, PrintWriter progress) {
    if (!(binary instanceof DeployJarTarget jar)) {
      if (Files.isRegularFile(outputFile)) {
        return;
      }
      throw new UsageException(
          "the binary "
              + binary.address()
              + " ("
              + binary.typeName()
              + ") is not built and ./gear builds only deploy_jar targets");
    }
    BinaryPackager packager =
        new BinaryPackager(
            gear.root(),
            line -> {
              progress.println("gear: " + line);
              progress.flush();
            });
    try {
      packager.packageJar(BinaryPackager.jarBinary(jar));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot package " + binary.address() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Path> locate(Gear gear) {
    Map<String, Path> located = new LinkedHashMap<>();
    copies(gear).forEach(copy -> located.put(copy.inImage(), copy.localFile()));
    return located;
  }

  @Override
  public Map<String, Path> build(Gear gear, PrintWriter progress) {
    for (Copy copy : copies(gear)) {
      copy.binary().ifPresent(binary -> builder.build(gear, binary, copy.localFile(), progress));
    }
    return locate(gear);
  }

  /** One COPY of a program: where it lands in the image, its local file, its target if packaged. */
  record Copy(String inImage, Path localFile, Optional<BinaryTarget> binary) {}

  List<Copy> copies(Gear gear) {
    DockerImage image = gear.image();
    // The Dockerfile as the build-context rule parsed it; one that cannot be read is bad input.
    Dockerfile dockerfile =
        gear.dockerfile()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        gear.context().problems().stream()
                            .filter(p -> p.rule().startsWith("dockerfile-"))
                            .toList()));
    Optional<BinaryTarget> binary = gear.binary();
    Optional<String> binaryOutput = binary.map(BinaryTarget::outputPath);
    List<Copy> copies = new ArrayList<>();
    for (Dockerfile.Copy copy : dockerfile.copies(image.buildArgValues())) {
      if (copy.from().isPresent()) {
        continue; // from another stage or image: nothing local
      }
      boolean intoFolder = copy.destination().endsWith("/") || copy.sources().size() > 1;
      for (String source : copy.sources()) {
        String fileName = Path.of(source).getFileName().toString();
        String inImage =
            intoFolder
                ? copy.destination().replaceAll("/+$", "") + "/" + fileName
                : copy.destination();
        if (binaryOutput.isPresent() && binaryOutput.get().equals(source)) {
          copies.add(new Copy(inImage, gear.root().resolve("dist").resolve(source), binary));
        } else if (Files.isRegularFile(gear.root().resolve(source))
            && !fileName.equals(Gear.MANIFEST_JSON)) {
          copies.add(new Copy(inImage, gear.root().resolve(source), Optional.empty()));
        }
      }
    }
    return copies;
  }
}
