package fwgear.tools.validate;

import static fwgear.problem.Problem.error;
import static fwgear.problem.Problem.warning;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Address;
import fwgear.tools.buildfile.DockerImage;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Target;
import fwgear.tools.buildfile.Target.AssetTarget;
import fwgear.tools.buildfile.Target.BinaryTarget;
import fwgear.tools.buildfile.Target.DockerImageTarget;
import fwgear.tools.buildfile.Target.FileTarget;
import fwgear.tools.buildfile.Target.OpaqueTarget;
import java.util.List;
import java.util.Optional;

/**
 * Rule group 2, the seed's consistency rules between the manifest and the docker_image target: the
 * manifest's {@code name} is the target's name; {@code custom.gear-builder.image} is the image's
 * {@code <repository>:<version>} (with a registry when the image has one); {@code version} is an
 * image tag and the only one besides {@code latest}; the image depends on the manifest's file
 * target and on a packageable binary that exists.
 */
public final class ImageRules implements Rule {
  public static final String NAME = "image-name";
  public static final String BUILDER_IMAGE = "image-builder-image";
  public static final String VERSION_TAG = "image-version-tag";
  public static final String EXTRA_TAGS = "image-extra-tags";
  public static final String MANIFEST_DEPENDENCY = "image-manifest-dependency";
  public static final String BINARY_DEPENDENCY = "image-binary-dependency";
  public static final String MISSING_DEPENDENCY = "image-dependency-missing";
  public static final String DEPENDENCY_TYPE = "image-dependency-type";

  @Override
  public void check(Gear gear, List<Problem> problems) {
    checkDependencies(gear, problems);
    if (gear.manifestDocument().document().isEmpty()) {
      return;
    }
    DockerImage image = gear.image();
    Target target = image.target();
    String manifest = gear.manifestPath();
    JsonNode name = gear.manifestAt("name");
    if (name.isTextual() && !name.asText().equals(target.name())) {
      problems.add(
          error(
              manifest,
              gear.manifestLine("name"),
              "name",
              NAME,
              "name '"
                  + name.asText()
                  + "' differs from the docker_image target name '"
                  + target.name()
                  + "' ("
                  + target.buildFile()
                  + ":"
                  + target.line()
                  + ")"));
    }
    JsonNode versionNode = gear.manifestAt("version");
    if (!versionNode.isTextual()) {
      return; // the manifest rules report a missing or non-string version
    }
    String version = versionNode.asText();
    checkTags(gear, image, version, problems);
    checkBuilderImage(gear, image, version, problems);
  }

  private static void checkTags(
      Gear gear, DockerImage image, String version, List<Problem> problems) {
    Target target = image.target();
    int line = target.lineOf("image_tags");
    if (!image.tags().contains(version)) {
      problems.add(
          error(
              target.buildFile(),
              line,
              "image_tags",
              VERSION_TAG,
              "image_tags "
                  + image.tags()
                  + " of "
                  + target.address()
                  + " do not hold the manifest's version '"
                  + version
                  + "' ("
                  + gear.manifestPath()
                  + ":"
                  + gear.manifestLine("version")
                  + ")"));
    }
    List<String> others = image.versionTags().stream().filter(t -> !t.equals(version)).toList();
    if (!others.isEmpty() && image.tags().contains(version)) {
      problems.add(
          warning(
              target.buildFile(),
              line,
              "image_tags",
              EXTRA_TAGS,
              "image_tags hold "
                  + others
                  + " besides the version '"
                  + version
                  + "' and latest; the seed tags an image with its version and latest only"));
    }
  }

  private static void checkBuilderImage(
      Gear gear, DockerImage image, String version, List<Problem> problems) {
    String manifest = gear.manifestPath();
    JsonNode builderImage = gear.manifestAt("custom.gear-builder.image");
    List<String> expected =
        image.registries().isEmpty()
            ? List.of(image.repository() + ":" + version)
            : image.registries().stream()
                .map(r -> r + "/" + image.repository() + ":" + version)
                .toList();
    String from =
        image.target().repository().isPresent()
            ? "the repository of " + image.address()
            : gear.repository()
                .settings()
                .file()
                .map(f -> f + " default_repository")
                .orElse("the default repository {name}");
    if (!builderImage.isTextual()) {
      problems.add(
          error(
              manifest,
              gear.manifestLine("custom.gear-builder.image"),
              "custom.gear-builder.image",
              BUILDER_IMAGE,
              "custom.gear-builder.image is missing; it should be " + expected.get(0)));
      return;
    }
    String actual = builderImage.asText();
    if (expected.contains(actual)) {
      return;
    }
    ImageName parsed = ImageName.parse(actual);
    String reason;
    if (!parsed.tag().equals(version)) {
      reason = "its tag '" + parsed.tag() + "' is not the manifest's version '" + version + "'";
    } else if (!parsed.repository().equals(image.repository())) {
      reason =
          "its repository '"
              + parsed.repository()
              + "' is not '"
              + image.repository()
              + "' (from "
              + from
              + ")";
    } else {
      reason =
          "its registry '"
              + parsed.registry().orElse("")
              + "' is not one the image is pushed to "
              + (image.registries().isEmpty() ? "(none)" : image.registries().toString());
    }
    problems.add(
        error(
            manifest,
            gear.manifestLine("custom.gear-builder.image"),
            "custom.gear-builder.image",
            BUILDER_IMAGE,
            "custom.gear-builder.image '"
                + actual
                + "' should be "
                + String.join(" or ", expected)
                + ": "
                + reason));
  }

  private static void checkDependencies(Gear gear, List<Problem> problems) {
    Target target = gear.image().target();
    String buildFile = target.buildFile();
    int line = target.lineOf("dependencies");
    boolean manifestDependency = false;
    boolean binaryDependency = false;
    for (Address address : target.dependencies()) {
      Optional<Target> found = gear.repository().target(address);
      if (found.isEmpty()) {
        problems.add(
            error(
                buildFile,
                line,
                "dependencies",
                MISSING_DEPENDENCY,
                target.address()
                    + " depends on "
                    + address.spec()
                    + ", which no BUILD file declares"
                    + namesake(gear, address)
                        .map(a -> "; did you mean " + a.spec() + "?")
                        .orElse("")));
        continue;
      }
      Target dependency = found.get();
      if (dependency instanceof OpaqueTarget) {
        // Known by name only (archive, python_distribution, shell_command...): Pants puts what it
        // makes in the context, which may be the binary.
        binaryDependency = true;
        continue;
      }
      if (!(dependency instanceof AssetTarget
          || dependency instanceof BinaryTarget
          || dependency instanceof DockerImageTarget)) {
        problems.add(
            error(
                buildFile,
                line,
                "dependencies",
                DEPENDENCY_TYPE,
                "a docker_image can depend on file targets and packageable targets (deploy_jar,"
                    + " pex_binary, docker_image) only, not on "
                    + dependency.typeName()
                    + " "
                    + address));
      }
      if (dependency instanceof FileTarget file
          && gear.manifestPath().equals(file.pathOf(file.source().value()))) {
        manifestDependency = true;
      }
      if (dependency instanceof BinaryTarget) {
        binaryDependency = true;
      }
    }
    if (!manifestDependency) {
      problems.add(
          error(
              buildFile,
              line,
              "dependencies",
              MANIFEST_DEPENDENCY,
              target.address()
                  + " does not depend on a file target for its manifest, such as"
                  + " file(name=\"manifest\", source=\"manifest.json\") and \":manifest\""));
    }
    if (!binaryDependency) {
      problems.add(
          error(
              buildFile,
              line,
              "dependencies",
              BINARY_DEPENDENCY,
              target.address()
                  + " does not depend on a binary target (deploy_jar or pex_binary) to run"));
    }
  }

  /** A target of the same name in or below the folder the missing address names. */
  private static Optional<Address> namesake(Gear gear, Address missing) {
    return gear.repository().targets().stream()
        .map(Target::address)
        .filter(a -> a.name().equals(missing.name()) && a.isUnder(missing.directory()))
        .findFirst();
  }

  /** An image reference split into registry, repository and tag. */
  record ImageName(Optional<String> registry, String repository, String tag) {
    static ImageName parse(String reference) {
      String rest = reference;
      String tag = "";
      int at = rest.indexOf('@');
      if (at >= 0) {
        rest = rest.substring(0, at);
      }
      int colon = rest.lastIndexOf(':');
      if (colon > rest.lastIndexOf('/')) {
        tag = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
      Optional<String> registry = Optional.empty();
      int slash = rest.indexOf('/');
      if (slash > 0) {
        String first = rest.substring(0, slash);
        if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
          registry = Optional.of(first);
          rest = rest.substring(slash + 1);
        }
      }
      return new ImageName(registry, rest, tag);
    }
  }
}
