package fwgear.tools.buildfile;

import fwgear.tools.buildfile.TargetType.FieldKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The target types BUILD files may use, each with the typed record a target of it loads into
 * ({@link Target}). Modelled types (the JVM and docker ones this repository builds with, the Python
 * and shell ones of a Pants gear repository) have their fields checked; every other Pants 2.x
 * built-in type is known by name only ({@link TargetType#opaque()}): its fields are not checked, it
 * can be depended on, and it never stops a gear from being checked. Field names follow Pants.
 */
public final class TargetTypes {
  public static final String FILE = "file";
  public static final String FILES = "files";
  public static final String RESOURCES = "resources";
  public static final String RESOURCE = "resource";
  public static final String JAVA_SOURCES = "java_sources";
  public static final String JUNIT_TESTS = "junit_tests";
  public static final String DEPLOY_JAR = "deploy_jar";
  public static final String DOCKER_IMAGE = "docker_image";
  public static final String PYTHON_SOURCES = "python_sources";
  public static final String PYTHON_TESTS = "python_tests";
  public static final String PYTHON_TEST_UTILS = "python_test_utils";
  public static final String PEX_BINARY = "pex_binary";
  public static final String PYTHON_REQUIREMENT = "python_requirement";
  public static final String PYTHON_REQUIREMENTS = "python_requirements";
  public static final String SHELL_SOURCES = "shell_sources";

  /**
   * Pants 2.x built-in target types this tool does not model, by the backend that registers them
   * (pants.core, pants.backend.*; the experimental_ aliases of older releases included).
   */
  static final Map<String, List<String>> OPAQUE =
      opaqueTypes(
          "core",
          "target archive relocated_files local_environment docker_environment"
              + " remote_environment experimental_workspace_environment _lockfiles _lockfile"
              + " experimental_wrap_as_resources",
          "adhoc",
          "adhoc_tool system_binary code_quality_tool",
          "shell",
          "shell_source shunit2_tests shunit2_test shell_command run_shell_command"
              + " test_shell_command experimental_shell_command experimental_run_shell_command"
              + " experimental_test_shell_command",
          "python",
          "python_source python_test poetry_requirements pipenv_requirements pex_binaries"
              + " python_distribution vcs_version experimental_wrap_as_python_sources"
              + " python_aws_lambda_function python_aws_lambda_layer python_awslambda"
              + " python_google_cloud_function pyoxidizer_binary _python_requirements_file",
          "docker",
          "",
          "jvm",
          "java_source junit_test jvm_artifact jvm_artifacts jvm_war"
              + " experimental_wrap_as_java_sources scala_source scala_sources scalatest_test"
              + " scalatest_tests scala_junit_test scala_junit_tests scalac_plugin"
              + " experimental_wrap_as_scala_sources kotlin_source kotlin_sources"
              + " kotlin_junit_test kotlin_junit_tests kotlinc_plugin"
              + " experimental_wrap_as_kotlin_sources",
          "go",
          "go_mod go_package go_binary go_third_party_package"
              + " experimental_wrap_as_go_package_sources",
          "codegen",
          "protobuf_source protobuf_sources thrift_source thrift_sources avro_source"
              + " avro_sources",
          "packaging",
          "nfpm_deb_package nfpm_rpm_package nfpm_apk_package nfpm_archlinux_package"
              + " nfpm_content_file nfpm_content_files nfpm_content_dir nfpm_content_dirs"
              + " nfpm_content_symlink nfpm_content_symlinks makeself_archive helm_chart"
              + " helm_artifact helm_deployment helm_unittest_test helm_unittest_tests"
              + " terraform_module terraform_deployment terraform_backend terraform_var_files",
          "javascript",
          "javascript_source javascript_sources javascript_test javascript_tests package_json"
              + " typescript_source typescript_sources typescript_test typescript_tests"
              + " tsx_source tsx_sources jsx_source jsx_sources",
          "other",
          "sql_source sql_sources cc_source cc_sources openapi_document openapi_documents"
              + " openapi_source openapi_sources swift_source swift_sources");

  /**
   * Calls a BUILD file may make that declare no target: Pants' visibility rules, which this tool
   * does not enforce.
   */
  static final Set<String> NOT_TARGETS = Set.of("__dependencies_rules__", "__dependents_rules__");

  private static final Map<String, TargetType> TYPES = build();

  private TargetTypes() {}

  public static Optional<TargetType> find(String name) {
    return Optional.ofNullable(TYPES.get(name));
  }

  /** All type names, modelled ones first, in a stable order. */
  public static Set<String> names() {
    return TYPES.keySet();
  }

  /** The types whose fields are checked. */
  public static List<String> modelled() {
    return TYPES.values().stream().filter(t -> !t.opaque()).map(TargetType::name).toList();
  }

  /** The known type with the closest name (for "did you mean"), if one is close. */
  public static Optional<String> closest(String name) {
    return fwgear.tools.Closest.to(name, TYPES.keySet(), 4);
  }

  private static Map<String, List<String>> opaqueTypes(String... backendsAndNames) {
    Map<String, List<String>> byBackend = new LinkedHashMap<>();
    for (int i = 0; i < backendsAndNames.length; i += 2) {
      String names = backendsAndNames[i + 1].strip();
      byBackend.put(backendsAndNames[i], names.isEmpty() ? List.of() : List.of(names.split(" +")));
    }
    return Collections.unmodifiableMap(byBackend);
  }

  private static Map<String, TargetType> build() {
    Map<String, TargetType> types = new LinkedHashMap<>();
    add(
        types,
        FILE,
        d -> new Target.FileTarget(d, d.string("source").orElseThrow()),
        Set.of("source"),
        null,
        f("source", FieldKind.STRING));
    add(
        types,
        FILES,
        withSources(Target.FilesTarget::new),
        Set.of("sources"),
        null,
        sources(),
        f("overrides", FieldKind.DICT));
    add(
        types,
        RESOURCE,
        d -> new Target.ResourceTarget(d, d.string("source").orElseThrow()),
        Set.of("source"),
        null,
        f("source", FieldKind.STRING));
    add(
        types,
        RESOURCES,
        withSources(Target.ResourcesTarget::new),
        Set.of(),
        null,
        sources(),
        f("overrides", FieldKind.DICT));
    Map<String, FieldKind> jvm =
        fields(
            f("resolve", FieldKind.STRING),
            f("jdk", FieldKind.STRING),
            f("overrides", FieldKind.DICT));
    add(
        types,
        JAVA_SOURCES,
        withSources(Target.JavaSourcesTarget::new),
        Set.of(),
        null,
        sources(),
        jvm,
        f("experimental_provides_types", FieldKind.STRING_LIST),
        f("skip_google_java_format", FieldKind.BOOLEAN));
    add(
        types,
        JUNIT_TESTS,
        withSources(Target.JunitTestsTarget::new),
        Set.of(),
        null,
        sources(),
        jvm,
        f("timeout", FieldKind.INTEGER),
        f("extra_env_vars", FieldKind.STRING_LIST),
        f("skip_google_java_format", FieldKind.BOOLEAN));
    add(
        types,
        DEPLOY_JAR,
        d -> new Target.DeployJarTarget(d, d.string("main").orElseThrow(), d.string("output_path")),
        Set.of("main"),
        ".jar",
        f("main", FieldKind.STRING),
        f("output_path", FieldKind.STRING),
        f("resolve", FieldKind.STRING),
        f("jdk", FieldKind.STRING),
        f("duplicate_policy", FieldKind.ANY),
        f("shading_rules", FieldKind.ANY),
        f("exclude_files", FieldKind.STRING_LIST),
        f("restartable", FieldKind.BOOLEAN));
    add(
        types,
        DOCKER_IMAGE,
        TargetTypes::dockerImage,
        Set.of(),
        null,
        f("source", FieldKind.STRING),
        f("instructions", FieldKind.STRING_LIST),
        f("image_tags", FieldKind.STRING_LIST),
        f("repository", FieldKind.STRING),
        f("registries", FieldKind.STRING_LIST),
        f("extra_build_args", FieldKind.STRING_LIST),
        f("image_labels", FieldKind.DICT),
        f("target_stage", FieldKind.STRING),
        f("build_platform", FieldKind.STRING_LIST),
        f("context_root", FieldKind.STRING),
        f("secrets", FieldKind.DICT),
        f("ssh", FieldKind.STRING_LIST),
        f("pull", FieldKind.BOOLEAN),
        f("squash", FieldKind.BOOLEAN),
        f("build_network", FieldKind.STRING),
        f("extra_build_hosts", FieldKind.DICT),
        f("cache_to", FieldKind.ANY),
        f("cache_from", FieldKind.ANY),
        f("output", FieldKind.DICT),
        f("skip_push", FieldKind.BOOLEAN),
        f("extra_run_args", FieldKind.STRING_LIST),
        f("output_path", FieldKind.STRING),
        f("restartable", FieldKind.BOOLEAN),
        f("skip_hadolint", FieldKind.BOOLEAN));
    Map<String, FieldKind> python =
        fields(
            f("resolve", FieldKind.STRING),
            f("interpreter_constraints", FieldKind.STRING_LIST),
            f("skip_mypy", FieldKind.BOOLEAN),
            f("skip_ruff", FieldKind.BOOLEAN),
            f("skip_black", FieldKind.BOOLEAN),
            f("skip_isort", FieldKind.BOOLEAN),
            f("skip_flake8", FieldKind.BOOLEAN),
            f("skip_pylint", FieldKind.BOOLEAN),
            f("skip_docformatter", FieldKind.BOOLEAN),
            f("skip_bandit", FieldKind.BOOLEAN),
            f("overrides", FieldKind.DICT));
    add(
        types,
        PYTHON_SOURCES,
        withSources(Target.PythonSourcesTarget::new),
        Set.of(),
        null,
        sources(),
        python,
        f("restartable", FieldKind.BOOLEAN),
        f("run_goal_use_sandbox", FieldKind.BOOLEAN));
    add(
        types,
        PYTHON_TESTS,
        withSources(Target.PythonTestsTarget::new),
        Set.of(),
        null,
        sources(),
        python,
        f("timeout", FieldKind.INTEGER),
        f("extra_env_vars", FieldKind.STRING_LIST),
        f("runtime_package_dependencies", FieldKind.STRING_LIST),
        f("batch_compatibility_tag", FieldKind.STRING),
        f("xdist_concurrency", FieldKind.INTEGER),
        f("skip_tests", FieldKind.BOOLEAN));
    add(
        types,
        PYTHON_TEST_UTILS,
        withSources(Target.PythonTestUtilsTarget::new),
        Set.of(),
        null,
        sources(),
        python);
    add(
        types,
        PEX_BINARY,
        d -> new Target.PexBinaryTarget(d, d.string("entry_point"), d.string("output_path")),
        Set.of(),
        ".pex",
        f("entry_point", FieldKind.STRING),
        f("script", FieldKind.STRING),
        f("executable", FieldKind.STRING),
        f("args", FieldKind.STRING_LIST),
        f("env", FieldKind.DICT),
        f("output_path", FieldKind.STRING),
        f("complete_platforms", FieldKind.STRING_LIST),
        f("platforms", FieldKind.STRING_LIST),
        f("resolve", FieldKind.STRING),
        f("interpreter_constraints", FieldKind.STRING_LIST),
        f("layout", FieldKind.STRING),
        f("execution_mode", FieldKind.STRING),
        f("include_requirements", FieldKind.BOOLEAN),
        f("include_sources", FieldKind.BOOLEAN),
        f("include_tools", FieldKind.BOOLEAN),
        f("inherit_path", FieldKind.STRING),
        f("shebang", FieldKind.STRING),
        f("strip_pex_env", FieldKind.BOOLEAN),
        f("venv_site_packages_copies", FieldKind.BOOLEAN),
        f("venv_hermetic_scripts", FieldKind.BOOLEAN),
        f("emit_warnings", FieldKind.BOOLEAN),
        f("ignore_errors", FieldKind.BOOLEAN),
        f("resolve_local_platforms", FieldKind.BOOLEAN),
        f("sh_boot", FieldKind.BOOLEAN),
        f("check", FieldKind.STRING),
        f("restartable", FieldKind.BOOLEAN));
    add(
        types,
        PYTHON_REQUIREMENT,
        d -> new Target.PythonRequirementTarget(d, d.stringsOrEmpty("requirements")),
        Set.of("requirements"),
        null,
        f("requirements", FieldKind.STRING_LIST),
        f("modules", FieldKind.STRING_LIST),
        f("type_stub_modules", FieldKind.STRING_LIST),
        f("resolve", FieldKind.STRING),
        f("entry_point", FieldKind.STRING));
    add(
        types,
        PYTHON_REQUIREMENTS,
        d -> new Target.PythonRequirementsTarget(d, d.string("source")),
        Set.of(),
        null,
        f("source", FieldKind.STRING),
        f("module_mapping", FieldKind.DICT),
        f("type_stubs_module_mapping", FieldKind.DICT),
        f("resolve", FieldKind.STRING),
        f("overrides", FieldKind.DICT));
    add(
        types,
        SHELL_SOURCES,
        withSources(Target.ShellSourcesTarget::new),
        Set.of(),
        null,
        sources(),
        f("skip_shellcheck", FieldKind.BOOLEAN),
        f("skip_shfmt", FieldKind.BOOLEAN),
        f("overrides", FieldKind.DICT));
    OPAQUE.forEach(
        (backend, names) ->
            names.forEach(n -> types.putIfAbsent(n, TargetType.opaque(n, backend))));
    return Collections.unmodifiableMap(types);
  }

  /** A type whose record holds only its {@code sources} (names or globs; empty: Pants' default). */
  private static Function<Declaration, Target> withSources(
      BiFunction<Declaration, Located<List<String>>, Target> create) {
    return d -> create.apply(d, d.stringsOrEmpty("sources"));
  }

  private static Target dockerImage(Declaration d) {
    return new Target.DockerImageTarget(
        d,
        d.string("source"),
        d.strings("instructions"),
        d.strings("image_tags"),
        d.string("repository"),
        d.strings("registries"),
        d.stringsOrEmpty("extra_build_args"),
        d.string("target_stage"),
        d.stringsOrEmpty("build_platform"));
  }

  private static Map.Entry<String, FieldKind> f(String name, FieldKind kind) {
    return Map.entry(name, kind);
  }

  private static Map.Entry<String, FieldKind> sources() {
    return f("sources", FieldKind.STRING_LIST);
  }

  @SafeVarargs
  private static Map<String, FieldKind> fields(Map.Entry<String, FieldKind>... entries) {
    Map<String, FieldKind> fields = new LinkedHashMap<>();
    for (Map.Entry<String, FieldKind> entry : entries) {
      fields.put(entry.getKey(), entry.getValue());
    }
    return fields;
  }

  private static void add(
      Map<String, TargetType> types,
      String name,
      Function<Declaration, Target> create,
      Set<String> required,
      String outputSuffix,
      Object... fieldGroups) {
    Map<String, FieldKind> fields = new LinkedHashMap<>();
    fields.put("name", FieldKind.STRING);
    fields.put("description", FieldKind.STRING);
    fields.put("tags", FieldKind.STRING_LIST);
    fields.put("dependencies", FieldKind.STRING_LIST);
    for (Object group : fieldGroups) {
      if (group instanceof Map.Entry<?, ?> entry) {
        fields.put((String) entry.getKey(), (FieldKind) entry.getValue());
      } else if (group instanceof Map<?, ?> map) {
        map.forEach((k, v) -> fields.put((String) k, (FieldKind) v));
      }
    }
    types.put(
        name,
        new TargetType(
            name,
            fields,
            required,
            Optional.ofNullable(outputSuffix),
            false,
            backendOf(name),
            create));
  }

  private static String backendOf(String name) {
    if (name.startsWith("python_") || name.startsWith("pex_")) {
      return "python";
    }
    if (name.startsWith("shell_")) {
      return "shell";
    }
    if (name.startsWith("docker_")) {
      return "docker";
    }
    return List.of(JAVA_SOURCES, JUNIT_TESTS, DEPLOY_JAR).contains(name) ? "jvm" : "core";
  }
}
