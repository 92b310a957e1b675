package fwgear.tools.buildfile;

import fwgear.tools.buildfile.TargetType.FieldKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target types BUILD files may use: the JVM and docker ones this repository builds with, and
 * the Python and shell ones of a Pants gear repository (so such a repository can be checked too).
 * Field names follow Pants.
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

  private static final Map<String, TargetType> TYPES = build();

  private TargetTypes() {}

  public static Optional<TargetType> find(String name) {
    return Optional.ofNullable(TYPES.get(name));
  }

  /** All type names, in a stable order, for "unknown type" messages. */
  public static Set<String> names() {
    return TYPES.keySet();
  }

  private static Map<String, TargetType> build() {
    Map<String, TargetType> types = new LinkedHashMap<>();
    add(types, FILE, Set.of("source"), null, false, f("source", FieldKind.STRING));
    add(types, FILES, Set.of("sources"), null, false, sources(), f("overrides", FieldKind.DICT));
    add(types, RESOURCE, Set.of("source"), null, false, f("source", FieldKind.STRING));
    add(types, RESOURCES, Set.of(), null, false, sources(), f("overrides", FieldKind.DICT));
    Map<String, FieldKind> jvm =
        fields(
            f("resolve", FieldKind.STRING),
            f("jdk", FieldKind.STRING),
            f("overrides", FieldKind.DICT));
    add(
        types,
        JAVA_SOURCES,
        Set.of(),
        null,
        false,
        sources(),
        jvm,
        f("experimental_provides_types", FieldKind.STRING_LIST),
        f("skip_google_java_format", FieldKind.BOOLEAN));
    add(
        types,
        JUNIT_TESTS,
        Set.of(),
        null,
        false,
        sources(),
        jvm,
        f("timeout", FieldKind.INTEGER),
        f("extra_env_vars", FieldKind.STRING_LIST),
        f("skip_google_java_format", FieldKind.BOOLEAN));
    add(
        types,
        DEPLOY_JAR,
        Set.of("main"),
        ".jar",
        true,
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
        Set.of(),
        null,
        true,
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
        Set.of(),
        null,
        false,
        sources(),
        python,
        f("restartable", FieldKind.BOOLEAN),
        f("run_goal_use_sandbox", FieldKind.BOOLEAN));
    add(
        types,
        PYTHON_TESTS,
        Set.of(),
        null,
        false,
        sources(),
        python,
        f("timeout", FieldKind.INTEGER),
        f("extra_env_vars", FieldKind.STRING_LIST),
        f("runtime_package_dependencies", FieldKind.STRING_LIST),
        f("batch_compatibility_tag", FieldKind.STRING),
        f("xdist_concurrency", FieldKind.INTEGER),
        f("skip_tests", FieldKind.BOOLEAN));
    add(types, PYTHON_TEST_UTILS, Set.of(), null, false, sources(), python);
    add(
        types,
        PEX_BINARY,
        Set.of(),
        ".pex",
        true,
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
        Set.of("requirements"),
        null,
        false,
        f("requirements", FieldKind.STRING_LIST),
        f("modules", FieldKind.STRING_LIST),
        f("type_stub_modules", FieldKind.STRING_LIST),
        f("resolve", FieldKind.STRING),
        f("entry_point", FieldKind.STRING));
    add(
        types,
        PYTHON_REQUIREMENTS,
        Set.of(),
        null,
        false,
        f("source", FieldKind.STRING),
        f("module_mapping", FieldKind.DICT),
        f("type_stubs_module_mapping", FieldKind.DICT),
        f("resolve", FieldKind.STRING),
        f("overrides", FieldKind.DICT));
    add(
        types,
        SHELL_SOURCES,
        Set.of(),
        null,
        false,
        sources(),
        f("skip_shellcheck", FieldKind.BOOLEAN),
        f("skip_shfmt", FieldKind.BOOLEAN),
        f("overrides", FieldKind.DICT));
    return Collections.unmodifiableMap(types);
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
      Set<String> required,
      String outputSuffix,
      boolean packageable,
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
        new TargetType(name, fields, required, Optional.ofNullable(outputSuffix), packageable));
  }
}
