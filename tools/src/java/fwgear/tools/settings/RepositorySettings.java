package fwgear.tools.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repository's settings, read from {@code gear.toml}, or from {@code pants.toml} when there is
 * no {@code gear.toml} (so a Pants gear repository is understood as it is).
 *
 * <pre>
 * [docker]
 * default_repository = "naccdata/{name}"   # {name} {directory} {parent_directory}
 * build_args = ["BASE_IMAGE=eclipse-temurin:17-jre"]
 * builder = "buildah"                      # docker, podman or buildah; default: the first found
 * [docker.registries.company]
 * address = "registry.example.com:5000"
 * default = true
 * [docker.buildah]
 * storage_driver = "vfs"                   # buildah --storage-driver
 * isolation = "chroot"                     # buildah --isolation
 * [repository]
 * ignore = ["scratch/", "!keep"]           # gitignore patterns: never searched for BUILD files
 * use_gitignore = true                     # the root .gitignore hides files too (the default)
 * </pre>
 *
 * <p>In {@code gear.toml} an unknown table or key is an error naming its line; {@code pants.toml}
 * holds every Pants subsystem's options, so only the keys read here are checked there.
 *
 * @param file the settings file relative to the root ({@code gear.toml}, {@code pants.toml}), or
 *     empty when there is none
 * @param defaultRepository the repository template of docker_image targets that set none
 * @param registries the registries by alias, in file order
 * @param buildArgs {@code NAME=value} or {@code NAME} build args given to every image build
 * @param ignore gitignore patterns (relative to the root) of files and folders never read for BUILD
 *     files, beyond the defaults ({@code [repository] ignore}, {@code [GLOBAL] pants_ignore})
 * @param useGitignore whether the root {@code .gitignore} hides files too ({@code [GLOBAL]
 *     pants_ignore_use_gitignore}, default true)
 * @param imageBuilder which image builder to use ({@code [docker] builder}) and how to call buildah
 *     ({@code [docker.buildah]})
 */
public record RepositorySettings(
    Optional<String> file,
    String defaultRepository,
    Map<String, Registry> registries,
    List<String> buildArgs,
    List<String> ignore,
    boolean useGitignore,
    BuilderSettings imageBuilder) {

  /** Tables and keys a gear.toml may hold ({@code *}: any name, a table of the keys under it). */
  private static final Map<String, List<String>> KNOWN =
      Map.of(
          "",
          List.of("docker", "repository"),
          "docker",
          List.of("default_repository", "build_args", "builder", "registries", "buildah"),
          "docker.registries.*",
          List.of("address", "default", "repository"),
          "docker.buildah",
          List.of("storage_driver", "isolation"),
          "repository",
          List.of("ignore", "use_gitignore"));

  public static final String DEFAULT_REPOSITORY = "{name}";

  public RepositorySettings {
    registries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registries));
    buildArgs = List.copyOf(buildArgs);
    ignore = List.copyOf(ignore);
  }

  /**
   * A registry images are pushed to.
   *
   * @param address {@code host[:port]}
   * @param isDefault whether images that name no registries use it
   * @param repository a repository template that overrides the image's one for this registry
   */
  public record Registry(
      String alias, String address, boolean isDefault, Optional<String> repository) {}

  /** Settings for a repository without a settings file. */
  public static RepositorySettings defaults() {
    return new RepositorySettings(
        Optional.empty(),
        DEFAULT_REPOSITORY,
        Map.of(),
        List.of(),
        List.of(),
        true,
        BuilderSettings.defaults());
  }

  /** Reads {@code gear.toml}, else {@code pants.toml}, else gives the defaults. */
  public static RepositorySettings load(Path root) {
    for (String name : List.of("gear.toml", "pants.toml")) {
      Path file = root.resolve(name);
      if (Files.isRegularFile(file)) {
        return read(file, name);
      }
    }
    return defaults();
  }

  static RepositorySettings read(Path file, String displayName) {
    JsonNode root;
    String text;
    try {
      text = Files.readString(file);
      root = new TomlMapper().readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
      throw new InvalidInputException(
          Problem.error(displayName, line, "", "settings-syntax", e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "settings-unreadable", "cannot read: " + e));
    }
    return from(root, new Source(displayName, TomlKeyLines.of(text)));
  }

  /** Where settings problems point: the file, and the line of each key in it. */
  private record Source(String file, TomlKeyLines lines) {
    Problem error(String key, String rule, String message) {
      return Problem.error(file, lines.lineOf(key), key, rule, message);
    }
  }

  /** Builds settings from a parsed TOML tree (gear.toml or pants.toml layout). */
  private static RepositorySettings from(JsonNode root, Source source) {
    String displayName = source.file();
    List<Problem> problems = new ArrayList<>();
    JsonNode docker = root.path("docker");
    String defaultRepository =
        text(docker, "docker.default_repository", source, problems).orElse(DEFAULT_REPOSITORY);
    List<String> buildArgs = strings(docker, "docker.build_args", source, problems);
    Optional<String> builder = text(docker, "docker.builder", source, problems);
    Map<String, Registry> registries = new LinkedHashMap<>();
    docker
        .path("registries")
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode options = entry.getValue();
              String registry = "docker.registries." + entry.getKey();
              Optional<String> address =
                  text(options, registry + ".address", source, problems)
                      .filter(a -> !a.isBlank())
                      .or(
                          () -> {
                            problems.add(
                                source.error(
                                    registry + ".address",
                                    "settings-registry",
                                    "registry '" + entry.getKey() + "' has no address"));
                            return Optional.empty();
                          });
              address.ifPresent(
                  a ->
                      registries.put(
                          entry.getKey(),
                          new Registry(
                              entry.getKey(),
                              a,
                              options.path("default").asBoolean(false),
                              text(options, registry + ".repository", source, problems))));
            });
    List<String> ignore =
        new ArrayList<>(strings(root.path("repository"), "repository.ignore", source, problems));
    Optional<Boolean> useGitignore =
        bool(root.path("repository"), "repository.use_gitignore", source, problems);
    if (displayName.equals("pants.toml")) {
      ignore.addAll(strings(root.path("GLOBAL"), "GLOBAL.pants_ignore", source, problems));
      useGitignore =
          bool(root.path("GLOBAL"), "GLOBAL.pants_ignore_use_gitignore", source, problems);
    } else {
      unknownKeys(root, "", source, problems);
    }
    JsonNode buildah = docker.path("buildah");
    Optional<String> storageDriver =
        text(buildah, "docker.buildah.storage_driver", source, problems).filter(t -> !t.isBlank());
    Optional<String> isolation =
        text(buildah, "docker.buildah.isolation", source, problems).filter(t -> !t.isBlank());
    if (builder.isPresent() && !List.of("docker", "podman", "buildah").contains(builder.get())) {
      problems.add(
          source.error(
              "docker.builder",
              "settings-builder",
              "builder must be docker, podman or buildah, not '" + builder.get() + "'"));
    }
    InvalidInputException.throwIfErrors(problems);
    return new RepositorySettings(
        Optional.of(displayName),
        defaultRepository,
        registries,
        buildArgs,
        ignore,
        useGitignore.orElse(true),
        new BuilderSettings(
            builder, storageDriver.map(String::strip), isolation.map(String::strip)));
  }

  /** Every table and key of a gear.toml must be one this tool reads; a typo is an error. */
  private static void unknownKeys(
      JsonNode table, String path, Source source, List<Problem> problems) {
    if (path.equals("docker.registries") && table.isObject()) {
      table
          .fields()
          .forEachRemaining(
              e -> unknownKeys(e.getValue(), path + "." + e.getKey(), source, problems));
      return;
    }
    String pattern = path.startsWith("docker.registries.") ? "docker.registries.*" : path;
    List<String> known = KNOWN.get(pattern);
    if (known == null || !table.isObject()) {
      return;
    }
    table
        .fieldNames()
        .forEachRemaining(
            name -> {
              String key = path.isEmpty() ? name : path + "." + name;
              if (!known.contains(name)) {
                String closest =
                    fwgear.tools.Closest.to(name, known, 3)
                        .map(k -> "did you mean " + k + "? ")
                        .orElse("");
                problems.add(
                    source.error(
                        key,
                        "settings-unknown",
                        (path.isEmpty() ? "unknown table [" + name + "]" : "unknown key " + key)
                            + "; "
                            + closest
                            + "known "
                            + (path.isEmpty() ? "tables: " : "keys of [" + path + "]: ")
                            + String.join(", ", known)));
              } else {
                unknownKeys(table.get(name), key, source, problems);
              }
            });
  }

  private static Optional<Boolean> bool(
      JsonNode section, String dottedKey, Source source, List<Problem> problems) {
    JsonNode value = section.get(lastPart(dottedKey));
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      problems.add(source.error(dottedKey, "settings-type", dottedKey + " must be true or false"));
      return Optional.empty();
    }
    return Optional.of(value.asBoolean());
  }

  /** The string at {@code dottedKey}, whose last part is the key in {@code section}. */
  private static Optional<String> text(
      JsonNode section, String dottedKey, Source source, List<Problem> problems) {
    JsonNode value = section.get(lastPart(dottedKey));
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.add(source.error(dottedKey, "settings-type", dottedKey + " must be a string"));
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /** A string list; Pants' {@code key.add = [...]} form is read as the list it adds. */
  private static List<String> strings(
      JsonNode section, String dottedKey, Source source, List<Problem> problems) {
    JsonNode value = section.get(lastPart(dottedKey));
    if (value != null && value.isObject() && value.has("add")) {
      value = value.get("add");
    }
    List<String> list = new ArrayList<>();
    if (value == null || value.isNull()) {
      return list;
    }
    if (!value.isArray()) {
      problems.add(
          source.error(dottedKey, "settings-type", dottedKey + " must be a list of strings"));
      return list;
    }
    value.forEach(item -> list.add(item.asText()));
    return list;
  }

  private static String lastPart(String dottedKey) {
    return dottedKey.substring(dottedKey.lastIndexOf('.') + 1);
  }

  /** The registries an image uses when it names none: those marked default. */
  public List<Registry> defaultRegistries() {
    return registries.values().stream().filter(Registry::isDefault).toList();
  }
}
