package fwgear.tools.release;

import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Gear;
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
      Gear gear,
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
  public Plan plan(Gear gear, String target) {
    Path manifestPath = Path.of(gear.manifestPath());
    Path buildPath = Path.of(gear.buildFile());
    String manifestText = read(manifestPath);
    String buildText = read(buildPath);
    JsonStrings manifest = parseManifest(manifestPath, manifestText);
    JsonStrings.Located version =
        manifest
            .at(VERSION)
            .orElseThrow(
                () -> new UsageException("bump: " + manifestPath + ": no string 'version'"));
    String from = version.value();
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

    List<String> refused = new ArrayList<>();
    if (next.compareTo(current) <= 0) {
      refused.add("the new version " + next + " is not greater than the current " + from);
    }
    Optional<JsonStrings.Located> image = manifest.at(IMAGE);
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
    List<BuildFileText.StringLiteral> tags =
        versionTags(buildPath, buildText, gear.name(), from, refused);
    if (!refused.isEmpty()) {
      throw new UsageException(
          "bump: refused, nothing changed:\n  " + String.join("\n  ", refused));
    }

    String to = next.text();
    Draft draft = new Draft();
    String newImage = repositoryOf(image.get().value()) + ":" + to;
    draft.edit(
        manifestPath,
        manifestText,
        List.of(
            new TextEdit(version.start(), version.end(), JsonStrings.quote(to)),
            new TextEdit(image.get().start(), image.get().end(), JsonStrings.quote(newImage))),
        "version " + from + " -> " + to,
        "custom.gear-builder.image " + image.get().value() + " -> " + newImage);
    draft.edit(
        buildPath,
        buildText,
        tags.stream()
            .map(tag -> new TextEdit(tag.start(), tag.end(), tag.quote() + to + tag.quote()))
            .toList(),
        "image_tags " + from + " -> " + to);
    releaseChangelog(Path.of(gear.changelog()), to, draft);
    return new Plan(gear, from, to, draft.texts, draft.changes, draft.warnings);
  }

  /** The new texts, the changes and the warnings of a plan being made. */
  private static final class Draft {
    final Map<Path, String> texts = new LinkedHashMap<>();
    final List<String> changes = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    void edit(Path file, String text, List<TextEdit> edits, String... descriptions) {
      texts.put(file, TextEdit.apply(text, edits));
      for (String description : descriptions) {
        changes.add(file + ": " + description);
      }
    }
  }

  private void releaseChangelog(Path changelog, String version, Draft draft) {
    if (!Files.isRegularFile(root.resolve(changelog))) {
      draft.warnings.add(changelog + " does not exist; no change log updated");
      return;
    }
    Changelog.Release release = Changelog.release(read(changelog), version, today);
    draft.texts.put(changelog, release.text());
    draft.changes.add(
        changelog + ": released the Unreleased entries as " + version + " - " + today);
    if (!release.hadUnreleased()) {
      draft.warnings.add(changelog + " had no '## Unreleased' section; added one");
    } else if (!release.hadEntries()) {
      draft.warnings.add(changelog + " has no entries under '## Unreleased' for " + version);
    }
  }

  private static JsonStrings parseManifest(Path manifest, String text) {
    try {
      return JsonStrings.of(text);
    } catch (IOException e) {
      throw new UsageException("bump: " + manifest + " is not valid JSON: " + e.getMessage());
    }
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

  /** The image_tags strings equal to the version, of the gear's docker_image. */
  private static List<BuildFileText.StringLiteral> versionTags(
      Path buildPath, String buildText, String name, String version, List<String> refused) {
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
      refused.add(buildPath + ": no single docker_image named '" + name + "'");
      return List.of();
    }
    List<BuildFileText.StringLiteral> tags = chosen.get(0).imageTags();
    List<BuildFileText.StringLiteral> matching =
        tags.stream().filter(tag -> tag.value().equals(version)).toList();
    if (matching.isEmpty()) {
      refused.add(
          buildPath
              + ": image_tags "
              + tags.stream().map(BuildFileText.StringLiteral::value).toList()
              + " do not hold the manifest version "
              + version
              + " (./gear validate explains; fix it first)");
    }
    return matching;
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
