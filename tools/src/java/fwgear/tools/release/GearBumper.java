package fwgear.tools.release;

import fwgear.tools.UsageException;
import fwgear.tools.textedit.BuildFileText;
import fwgear.tools.textedit.JsonStrings;
import fwgear.tools.textedit.TextEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raises a gear's version in the three places that must agree (BUILD {@code image_tags}, manifest
 * {@code version}, manifest {@code custom.gear-builder.image}) and releases its CHANGELOG's
 * "Unreleased" entries. Edits are textual: the diff shows only the changed values and the new
 * CHANGELOG heading.
 */
public final class GearBumper {
  private static final String VERSION = "/version";
  private static final String IMAGE = "/custom/gear-builder/image";

  private final Path root;
  private final LocalDate today;

  public GearBumper(Path root, LocalDate today) {
    this.root = root;
    this.today = today;
  }

  /** What a bump changes: the new texts by file, what changed, and warnings. */
  public record Plan(
      GearFiles gear,
      String from,
      String to,
      Map<Path, String> texts,
      List<String> changes,
      List<String> warnings) {}

  /**
   * Plans a bump to {@code target}: a version ({@code 1.2.0}) or {@code major}, {@code minor},
   * {@code patch}. Refuses (a {@link UsageException} naming every reason) a version that is not
   * greater, and a gear whose three version places disagree.
   */
  public Plan plan(GearFiles gear, String target) {
    Path manifestPath = gear.manifest();
    Path buildPath = gear.dockerBuild();
    String manifestText = read(manifestPath);
    String buildText = read(buildPath);
    List<String> refused = new ArrayList<>();

    JsonStrings manifest;
    try {
      manifest = JsonStrings.of(manifestText);
    } catch (IOException e) {
      throw new UsageException("bump: " + manifestPath + " is not valid JSON: " + e.getMessage());
    }
    Optional<JsonStrings.Located> version = manifest.at(VERSION);
    Optional<JsonStrings.Located> image = manifest.at(IMAGE);
    if (version.isEmpty()) {
      throw new UsageException("bump: " + manifestPath + ": no string 'version'");
    }
    String from = version.get().value();
    Version current =
        Version.parse(from)
            .orElseThrow(
                () ->
                    new UsageException(
                        "bump: "
                            + manifestPath
                            + ": version '"
                            + from
                            + "' is not a semantic version (such as 1.2.3); edit it by hand"));
    Version next = nextVersion(current, target);
    if (next.compareTo(current) <= 0) {
      refused.add("the new version " + next + " is not greater than the current " + from);
    }
    if (image.isEmpty()) {
      refused.add(manifestPath + ": no string custom.gear-builder.image");
    } else if (!tagOf(image.get().value()).equals(Optional.of(from))) {
      refused.add(
          manifestPath
              + ": custom.gear-builder.image '"
              + image.get().value()
              + "' is not tagged with the version "
              + from
              + " (./gear validate explains; fix it first)");
    }
    String name = manifest.at("/name").map(JsonStrings.Located::value).orElse("");
    List<BuildFileText.StringLiteral> tags = imageTags(buildPath, buildText, name, refused);
    List<BuildFileText.StringLiteral> toReplace =
        tags.stream().filter(tag -> tag.value().equals(from)).toList();
    if (!tags.isEmpty() && toReplace.isEmpty()) {
      refused.add(
          buildPath
              + ": image_tags "
              + tags.stream().map(BuildFileText.StringLiteral::value).toList()
              + " do not hold the manifest version "
              + from
              + " (./gear validate explains; fix it first)");
    }
    if (!refused.isEmpty()) {
      throw new UsageException(
          "bump: refused, nothing changed:\n  " + String.join("\n  ", refused));
    }

    String to = next.text();
    Map<Path, String> texts = new LinkedHashMap<>();
    List<String> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    JsonStrings.Located imageValue = image.get();
    String newImage = repositoryOf(imageValue.value()) + ":" + to;
    texts.put(
        manifestPath,
        TextEdit.apply(
            manifestText,
            List.of(
                new TextEdit(version.get().start(), version.get().end(), JsonStrings.quote(to)),
                new TextEdit(imageValue.start(), imageValue.end(), JsonStrings.quote(newImage)))));
    changes.add(manifestPath + ": version " + from + " -> " + to);
    changes.add(
        manifestPath + ": custom.gear-builder.image " + imageValue.value() + " -> " + newImage);
    texts.put(
        buildPath,
        TextEdit.apply(
            buildText,
            toReplace.stream()
                .map(tag -> new TextEdit(tag.start(), tag.end(), tag.quote() + to + tag.quote()))
                .toList()));
    changes.add(buildPath + ": image_tags " + from + " -> " + to);

    Path changelogPath = gear.changelog();
    if (Files.isRegularFile(root.resolve(changelogPath))) {
      Changelog.Release release = Changelog.release(read(changelogPath), to, today);
      texts.put(changelogPath, release.text());
      changes.add(changelogPath + ": released the Unreleased entries as " + to + " - " + today);
      if (!release.hadUnreleased()) {
        warnings.add(changelogPath + " had no '## Unreleased' section; added one");
      } else if (!release.hadEntries()) {
        warnings.add(changelogPath + " has no entries under '## Unreleased' for " + to);
      }
    } else {
      warnings.add(changelogPath + " does not exist; no change log updated");
    }
    return new Plan(gear, from, to, texts, changes, warnings);
  }

  /** Writes every file of a plan, each replaced in one move. */
  public void write(Plan plan) {
    try {
      for (Map.Entry<Path, String> file : plan.texts().entrySet()) {
        Path target = root.resolve(file.getKey());
        Path staged = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
          Files.writeString(staged, file.getValue(), StandardCharsets.UTF_8);
          Files.move(
              staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(staged);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bump: cannot write: " + e.getMessage(), e);
    }
  }

  private static Version nextVersion(Version current, String target) {
    for (Version.Kind kind : Version.Kind.values()) {
      if (kind.name().equalsIgnoreCase(target)) {
        try {
          return current.next(kind);
        } catch (IllegalStateException e) {
          throw new UsageException("bump: " + e.getMessage());
        }
      }
    }
    return Version.parse(target)
        .orElseThrow(
            () ->
                new UsageException(
                    "bump: '"
                        + target
                        + "' is neither a version (such as 1.2.3) nor major, minor or patch"));
  }

  private List<BuildFileText.StringLiteral> imageTags(
      Path buildPath, String buildText, String name, List<String> refused) {
    List<BuildFileText.Call> images;
    try {
      images =
          BuildFileText.calls(buildText).stream()
              .filter(call -> call.type().equals("docker_image"))
              .toList();
    } catch (IllegalArgumentException e) {
      refused.add(buildPath + ": " + e.getMessage());
      return List.of();
    }
    List<BuildFileText.Call> named =
        images.stream()
            .filter(call -> call.name().map(n -> n.value().equals(name)).orElse(false))
            .toList();
    List<BuildFileText.Call> chosen = named.isEmpty() && images.size() == 1 ? images : named;
    if (chosen.size() != 1) {
      refused.add(
          buildPath
              + ": "
              + (images.isEmpty()
                  ? "no docker_image target"
                  : "no single docker_image named '" + name + "' (the manifest name)"));
      return List.of();
    }
    if (chosen.get(0).imageTags().isEmpty()) {
      refused.add(buildPath + ": the docker_image has no image_tags list of strings");
    }
    return chosen.get(0).imageTags();
  }

  /** The tag of an image name; a registry's port ({@code host:5000/x}) is not a tag. */
  static Optional<String> tagOf(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/')
        ? Optional.of(image.substring(colon + 1))
        : Optional.empty();
  }

  static String repositoryOf(String image) {
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
  }

  private String read(Path relative) {
    try {
      return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("bump: cannot read " + relative + ": " + e.getMessage());
    }
  }
}
