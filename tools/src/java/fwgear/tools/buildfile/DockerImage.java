package fwgear.tools.buildfile;

import fwgear.tools.buildfile.Target.DockerImageTarget;
import fwgear.tools.settings.RepositorySettings;
import fwgear.tools.settings.RepositorySettings.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docker_image target with its names resolved as Pants resolves them.
 *
 * @param repository the image repository ({@code naccdata/project-management}), from the target's
 *     {@code repository} or the settings' {@code default_repository}, placeholders filled in
 * @param registries registry addresses ({@code host:port}); empty for a local image
 * @param tags the image tags ({@code image_tags}, default {@code latest})
 * @param imageNames every full name: {@code [registry/]repository:tag} for each registry and tag
 * @param dockerfile the Dockerfile, relative to the repository root
 * @param buildArgs the build args: the settings' then the target's {@code extra_build_args}, as
 *     {@code NAME=value} or {@code NAME}
 * @param buildArgValues the build args by name with their values: a bare {@code NAME} takes its
 *     value from the environment the repository was loaded with, and is left out when unset (the
 *     Dockerfile's ARG default applies)
 * @param dependencies the addresses the image depends on explicitly
 */
public record DockerImage(
    DockerImageTarget target,
    String repository,
    List<String> registries,
    List<String> tags,
    List<String> imageNames,
    String dockerfile,
    List<String> buildArgs,
    Map<String, String> buildArgValues,
    List<Address> dependencies) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+(?:\\.[A-Za-z0-9_]+)?)}");

  public DockerImage {
    registries = List.copyOf(registries);
    tags = List.copyOf(tags);
    imageNames = List.copyOf(imageNames);
    buildArgs = List.copyOf(buildArgs);
    buildArgValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buildArgValues));
    dependencies = List.copyOf(dependencies);
  }

  /**
   * Resolves the image's names and build args.
   *
   * @param environment the variables a bare build arg takes its value from, given once when the
   *     repository loads
   */
  public static DockerImage resolve(
      DockerImageTarget target, RepositorySettings settings, Map<String, String> environment) {
    List<String> buildArgs = new ArrayList<>(settings.buildArgs());
    buildArgs.addAll(target.extraBuildArgs().value());
    Map<String, String> argValues = buildArgValues(buildArgs, environment);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", target.name());
    values.put("directory", target.address().directoryName());
    values.put("parent_directory", target.address().parentDirectoryName());
    values.put("full_directory", target.directory());
    argValues.forEach((k, v) -> values.put("build_args." + k, v));
    String defaultRepository = fill(settings.defaultRepository(), values);
    values.put("default_repository", defaultRepository);
    String repository =
        target.repository().map(r -> fill(r.value(), values)).orElse(defaultRepository);

    List<String> registries = new ArrayList<>();
    List<String> imageNames = new ArrayList<>();
    List<String> tags =
        target
            .imageTags()
            .map(t -> t.value().stream().map(tag -> fill(tag, values)).toList())
            .orElse(List.of("latest"));
    List<Registry> chosen = new ArrayList<>();
    if (target.registries().isPresent()) {
      for (String registry : target.registries().get().value()) {
        if (registry.startsWith("@")) {
          Registry known = settings.registries().get(registry.substring(1));
          chosen.add(
              known != null
                  ? known
                  : new Registry(registry.substring(1), registry, false, Optional.empty()));
        } else {
          chosen.add(new Registry(registry, registry, false, Optional.empty()));
        }
      }
    } else {
      chosen.addAll(settings.defaultRegistries());
    }
    for (Registry registry : chosen) {
      registries.add(registry.address());
      values.put("target_repository", repository);
      String registryRepository =
          registry.repository().map(r -> fill(r, values)).orElse(repository);
      for (String tag : tags) {
        imageNames.add(registry.address() + "/" + registryRepository + ":" + tag);
      }
    }
    if (chosen.isEmpty()) {
      for (String tag : tags) {
        imageNames.add(repository + ":" + tag);
      }
    }
    // With inline instructions there is no file; the BUILD file is where they are written.
    String dockerfile =
        target.instructions().isPresent() ? target.buildFile() : target.dockerfilePath();
    return new DockerImage(
        target,
        repository,
        registries,
        tags,
        imageNames,
        dockerfile,
        buildArgs,
        argValues,
        target.dependencies());
  }

  /** {@code NAME=value} args as a map; a bare {@code NAME} takes the environment's value if set. */
  static Map<String, String> buildArgValues(
      List<String> buildArgs, Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : buildArgs) {
      int equals = arg.indexOf('=');
      if (equals > 0) {
        values.put(arg.substring(0, equals), arg.substring(equals + 1));
      } else {
        String fromEnvironment = environment.get(arg);
        if (fromEnvironment != null) {
          values.put(arg, fromEnvironment);
        }
      }
    }
    return values;
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  public Address address() {
    return target.address();
  }

  public String name() {
    return target.name();
  }

  /** The image's version tags: every tag but {@code latest}. */
  public List<String> versionTags() {
    return tags.stream().filter(t -> !t.equals("latest")).toList();
  }
}
