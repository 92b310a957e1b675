package fwgear.tools.buildfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target of a BUILD file, as an immutable typed value: one record per target type this tool
 * models, with the fields it reads located (file, line), an {@link OpaqueTarget} for the other
 * Pants built-in types, and an {@link UnknownTarget} for a type that is neither (a plugin's, or a
 * macro). Rules and commands switch on the record type, never on a type name; the fields as written
 * stay in the {@link Declaration} for {@code ./gear peek}.
 */
public sealed interface Target {
  /** Where the target is declared, and its fields as written. */
  Declaration declaration();

  default Address address() {
    return declaration().address();
  }

  default String name() {
    return address().name();
  }

  default String directory() {
    return address().directory();
  }

  /** The BUILD file, relative to the repository root ({@code gears/x/src/docker/BUILD}). */
  default String buildFile() {
    return declaration().buildFile();
  }

  /** The line of the call that declares the target. */
  default int line() {
    return declaration().line();
  }

  /** The type's name as written ({@code docker_image}), for messages. */
  default String typeName() {
    return declaration().type();
  }

  /** The type; for an unknown type, an opaque one of backend {@code unknown}. */
  default TargetType targetType() {
    return TargetTypes.find(typeName()).orElseGet(() -> TargetType.opaque(typeName(), "unknown"));
  }

  /** The line of a field, or of the target when the field was not written. */
  default int lineOf(String field) {
    return declaration().lineOf(field);
  }

  /** The fields as written (after {@code __defaults__}), for {@code ./gear peek}. */
  default Map<String, Object> fields() {
    return declaration().fields();
  }

  /**
   * The addresses this target depends on explicitly, resolved against its folder; entries starting
   * with {@code !} (Pants' exclusions of inferred dependencies) are left out.
   */
  default List<Address> dependencies() {
    return declaration().dependencies();
  }

  /** The path of a file named by this target, relative to the repository root. */
  default String pathOf(String relativeToTarget) {
    return directory().isEmpty() ? relativeToTarget : directory() + "/" + relativeToTarget;
  }

  /**
   * A target whose sources a docker_image's build context holds at their repository paths: {@code
   * file}, {@code files}, {@code resource} and {@code resources} (Pants' asset targets).
   */
  sealed interface AssetTarget extends Target {
    /** The source names or globs, relative to the target's folder ({@code !} excludes). */
    Located<List<String>> sources();

    /** The one file of a {@code file} or {@code resource} target; empty for globs. */
    default Optional<Located<String>> singleSource() {
      return Optional.empty();
    }

    /** The field the sources are written in ({@code source} or {@code sources}). */
    default String sourcesField() {
      return singleSource().isPresent() ? "source" : "sources";
    }
  }

  /**
   * A target that packages into one file under {@code dist/}: {@code deploy_jar}, {@code
   * pex_binary}.
   */
  sealed interface BinaryTarget extends Target {
    /** An explicit {@code output_path}, when written. */
    Optional<Located<String>> outputPathField();

    /**
     * Where {@code ./gear package} puts the binary, relative to {@code dist/}, named as Pants names
     * it: the folder with {@code /} replaced by {@code .}, then the target name and suffix ({@code
     * gears.x.src.java.app/bin.jar}); {@code output_path} overrides it.
     */
    default String outputPath() {
      if (outputPathField().isPresent()) {
        return outputPathField().get().value();
      }
      String file = name().replace('.', '_') + targetType().outputSuffix().orElseThrow();
      return directory().isEmpty() ? file : directory().replace('/', '.') + "/" + file;
    }
  }

  /** {@code file(source=...)}: one file. */
  record FileTarget(Declaration declaration, Located<String> source) implements AssetTarget {
    @Override
    public Located<List<String>> sources() {
      return new Located<>(List.of(source.value()), source.file(), source.line());
    }

    @Override
    public Optional<Located<String>> singleSource() {
      return Optional.of(source);
    }
  }

  /** {@code resource(source=...)}: one file (on a JVM or Python path; in an image, a file). */
  record ResourceTarget(Declaration declaration, Located<String> source) implements AssetTarget {
    @Override
    public Located<List<String>> sources() {
      return new Located<>(List.of(source.value()), source.file(), source.line());
    }

    @Override
    public Optional<Located<String>> singleSource() {
      return Optional.of(source);
    }
  }

  /** {@code files(sources=[...])}: files by name or glob. */
  record FilesTarget(Declaration declaration, Located<List<String>> sources)
      implements AssetTarget {}

  /** {@code resources(sources=[...])}: resource files by name or glob. */
  record ResourcesTarget(Declaration declaration, Located<List<String>> sources)
      implements AssetTarget {}

  /** {@code java_sources}: a folder's Java files; empty sources mean Pants' default globs. */
  record JavaSourcesTarget(Declaration declaration, Located<List<String>> sources)
      implements Target {}

  /** {@code junit_tests}: a folder's JUnit tests. */
  record JunitTestsTarget(Declaration declaration, Located<List<String>> sources)
      implements Target {}

  /** {@code deploy_jar(main=...)}: a self-executing fat jar of a main class. */
  record DeployJarTarget(
      Declaration declaration, Located<String> main, Optional<Located<String>> outputPathField)
      implements BinaryTarget {}

  /** {@code pex_binary}: a Python executable (built by Pants, not by this tool). */
  record PexBinaryTarget(
      Declaration declaration,
      Optional<Located<String>> entryPoint,
      Optional<Located<String>> outputPathField)
      implements BinaryTarget {}

  /**
   * {@code docker_image}: an image built from a Dockerfile ({@code source}, default {@code
   * Dockerfile}) or from inline {@code instructions}. Names are resolved by {@link DockerImage}.
   *
   * @param imageTags {@code image_tags} when written (Pants' default is {@code latest})
   * @param registries {@code registries} when written (else the settings' default ones)
   * @param extraBuildArgs {@code NAME=value} or {@code NAME}, after the settings' build args
   */
  record DockerImageTarget(
      Declaration declaration,
      Optional<Located<String>> source,
      Optional<Located<List<String>>> instructions,
      Optional<Located<List<String>>> imageTags,
      Optional<Located<String>> repository,
      Optional<Located<List<String>>> registries,
      Located<List<String>> extraBuildArgs,
      Optional<Located<String>> targetStage,
      Located<List<String>> buildPlatform)
      implements Target {

    /** The Dockerfile's repository path ({@code source} in the target's folder). */
    public String dockerfilePath() {
      return pathOf(source.map(Located::value).orElse("Dockerfile"));
    }
  }

  /** {@code python_sources}: a folder's Python files. */
  record PythonSourcesTarget(Declaration declaration, Located<List<String>> sources)
      implements Target {}

  /** {@code python_tests}: a folder's pytest files. */
  record PythonTestsTarget(Declaration declaration, Located<List<String>> sources)
      implements Target {}

  /** {@code python_test_utils}: conftest.py and test helpers. */
  record PythonTestUtilsTarget(Declaration declaration, Located<List<String>> sources)
      implements Target {}

  /** {@code python_requirement(requirements=[...])}: third-party distributions. */
  record PythonRequirementTarget(Declaration declaration, Located<List<String>> requirements)
      implements Target {}

  /** {@code python_requirements(source=...)}: the requirements of a requirements file. */
  record PythonRequirementsTarget(Declaration declaration, Optional<Located<String>> source)
      implements Target {}

  /** {@code shell_sources}: a folder's shell scripts. */
  record ShellSourcesTarget(Declaration declaration, Located<List<String>> sources)
      implements Target {}

  /**
   * A Pants built-in type this tool does not model ({@code archive}, {@code python_distribution},
   * {@code shell_command}, ...): its fields are not checked, it can be depended on, and it is never
   * packaged by {@code ./gear}.
   */
  record OpaqueTarget(Declaration declaration) implements Target {}

  /**
   * A type that is neither modelled nor a Pants built-in (a plugin's target or a macro): loaded
   * with its fields as written, so that what depends on it can say so (one warning, and only its
   * dependents are skipped).
   */
  record UnknownTarget(Declaration declaration) implements Target {}
}
