package fwgear.tools.buildfile;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.TargetType.FieldKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed BUILD files into {@link Target}s: checks target types, fields and their values,
 * applies {@code __defaults__} (which hold for the BUILD file's folder and every folder below it),
 * evaluates {@code env("VAR", "default")}, and names unnamed targets after their folder. BUILD
 * files must be given parents first.
 */
final class BuildFileLoader {
  static final String DEFAULTS = "__defaults__";
  public static final String UNKNOWN_TYPE = "build-target-unknown";

  /** Field defaults by folder, then target type, then field. */
  private final Map<String, Map<String, Map<String, Object>>> defaults = new HashMap<>();

  private final Map<Address, Target> targets = new LinkedHashMap<>();
  private final Map<String, String> environment;

  /**
   * @param environment the variables {@code env("VAR", "default")} reads, given once by the caller
   */
  BuildFileLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  Map<Address, Target> targets() {
    return targets;
  }

  /**
   * Loads one BUILD file.
   *
   * @param file the BUILD file relative to the repository root
   * @param problems where problems are added (all of them, not only the first)
   */
  void load(String file, String text, List<Problem> problems) {
    String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
    List<BuildCall> calls;
    try {
      calls = BuildFileParser.parse(text, file);
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
      return;
    }
    Map<String, Map<String, Object>> inherited = inheritedDefaults(directory);
    Map<String, Map<String, Object>> local = inherited;
    for (BuildCall call : calls) {
      if (call.function().equals(DEFAULTS)) {
        local = applyDefaults(call, inherited, file, problems);
      }
    }
    defaults.put(directory, local);
    for (BuildCall call : calls) {
      if (!call.function().equals(DEFAULTS)) {
        target(call, directory, file, local, problems);
      }
    }
  }

  private Map<String, Map<String, Object>> inheritedDefaults(String directory) {
    for (String dir = directory; ; dir = parent(dir)) {
      Map<String, Map<String, Object>> found = defaults.get(dir);
      if (found != null) {
        return found;
      }
      if (dir.isEmpty()) {
        return Map.of();
      }
    }
  }

  private static String parent(String dir) {
    int slash = dir.lastIndexOf('/');
    return slash < 0 ? "" : dir.substring(0, slash);
  }

  private Map<String, Map<String, Object>> applyDefaults(
      BuildCall call,
      Map<String, Map<String, Object>> inherited,
      String file,
      List<Problem> problems) {
    boolean extend = Boolean.TRUE.equals(call.keywords().get("extend"));
    boolean ignoreUnknown = Boolean.TRUE.equals(call.keywords().get("ignore_unknown_fields"));
    for (String keyword : call.keywords().keySet()) {
      if (!List.of("all", "extend", "ignore_unknown_fields").contains(keyword)) {
        problems.add(
            error(
                file,
                call.lineOf(keyword),
                keyword,
                "unknown argument of __defaults__: "
                    + keyword
                    + "; known: all, extend, ignore_unknown_fields"));
      }
    }
    Map<String, Map<String, Object>> result = new HashMap<>();
    inherited.forEach((type, fields) -> result.put(type, new LinkedHashMap<>(fields)));
    Map<String, Map<String, Object>> given = new LinkedHashMap<>();
    if (call.positional().size() > 1) {
      problems.add(error(file, call.line(), "", "__defaults__ takes one dict of target types"));
    }
    if (!call.positional().isEmpty()) {
      if (!(call.positional().get(0) instanceof Map<?, ?> byType)) {
        problems.add(error(file, call.line(), "", "__defaults__ takes a dict of target types"));
      } else {
        byType.forEach(
            (key, value) -> {
              List<Object> types = key instanceof List<?> list ? List.copyOf(list) : List.of(key);
              for (Object type : types) {
                String typeName =
                    type instanceof BuildSymbol symbol ? symbol.name() : String.valueOf(type);
                if (TargetTypes.find(typeName).isEmpty()) {
                  // A plugin's type, most likely: its defaults cannot be checked, nor applied.
                  problems.add(
                      unknownTypeWarning(
                          file, call.line(), typeName, "its defaults are not applied"));
                  continue;
                }
                given.put(typeName, fieldMap(value, file, call.line(), problems));
              }
            });
      }
    }
    Object all = call.keywords().get("all");
    if (all != null && all != BuildValue.NONE) {
      Map<String, Object> allFields = fieldMap(all, file, call.lineOf("all"), problems);
      for (TargetType type :
          TargetTypes.names().stream()
              .map(n -> TargetTypes.find(n).orElseThrow())
              .filter(t -> !t.opaque())
              .toList()) {
        Map<String, Object> fields = new LinkedHashMap<>();
        allFields.forEach(
            (field, value) -> {
              if (type.hasField(field)) {
                fields.put(field, value);
              }
            });
        fields.putAll(given.getOrDefault(type.name(), Map.of()));
        given.put(type.name(), fields);
      }
    }
    given.forEach(
        (typeName, fields) -> {
          TargetType type = TargetTypes.find(typeName).orElseThrow();
          Map<String, Object> checked = new LinkedHashMap<>();
          fields.forEach(
              (field, value) -> {
                if (field.equals("name")) {
                  problems.add(error(file, call.line(), field, "__defaults__ cannot set a name"));
                } else if (!type.hasField(field)) {
                  if (!ignoreUnknown) {
                    problems.add(error(file, call.line(), field, unknownField(type, field)));
                  }
                } else if (checkValue(type, field, value, file, call.line(), problems)) {
                  checked.put(field, value);
                }
              });
          Map<String, Object> merged =
              extend
                  ? new LinkedHashMap<>(result.getOrDefault(typeName, Map.of()))
                  : new LinkedHashMap<>();
          merged.putAll(checked);
          result.put(typeName, merged);
        });
    return result;
  }

  private static Map<String, Object> fieldMap(
      Object value, String file, int line, List<Problem> problems) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> fields.put(String.valueOf(k), v));
    } else if (value instanceof BuildCall call && call.function().equals("dict")) {
      fields.putAll(call.keywords());
    } else {
      problems.add(
          error(
              file, line, "", "expected a dict of field defaults, got " + BuildValue.show(value)));
    }
    return fields;
  }

  private void target(
      BuildCall call,
      String directory,
      String file,
      Map<String, Map<String, Object>> localDefaults,
      List<Problem> problems) {
    if (TargetTypes.NOT_TARGETS.contains(call.function())) {
      return;
    }
    var type = TargetTypes.find(call.function());
    if (type.isEmpty()) {
      unknownTarget(call, directory, file, problems);
      return;
    }
    TargetType targetType = type.get();
    if (!call.positional().isEmpty()) {
      problems.add(
          error(
              file,
              call.line(),
              "",
              targetType.name() + " takes keyword arguments only (name=..., ...)"));
    }
    int before = problems.size();
    Map<String, Object> fields =
        new LinkedHashMap<>(localDefaults.getOrDefault(targetType.name(), Map.of()));
    Map<String, Integer> lines = new HashMap<>();
    for (Map.Entry<String, Object> entry : call.keywords().entrySet()) {
      String field = entry.getKey();
      int line = call.lineOf(field);
      if (!targetType.hasField(field)) {
        problems.add(error(file, line, field, unknownField(targetType, field)));
        continue;
      }
      Object value = evaluate(entry.getValue());
      if (checkValue(targetType, field, value, file, line, problems)) {
        fields.put(field, value);
        lines.put(field, line);
      }
    }
    for (String required : targetType.required()) {
      boolean writtenBadly = call.keywords().containsKey(required) && !fields.containsKey(required);
      if (!writtenBadly
          && (!fields.containsKey(required) || fields.get(required) == BuildValue.NONE)) {
        problems.add(
            error(
                file,
                call.line(),
                required,
                targetType.name() + " needs the field '" + required + "'"));
      }
    }
    String name =
        fields.remove("name") instanceof String given && !given.isEmpty()
            ? given
            : Address.lastSegment(directory);
    if (name.isEmpty()) {
      problems.add(
          error(file, call.line(), "name", "a target in the root BUILD file needs a name"));
      return;
    }
    if (name.contains(":") || name.contains("/")) {
      problems.add(
          error(file, call.line(), "name", "a target name cannot hold ':' or '/': " + name));
      return;
    }
    for (String dependency : stringList(fields.get("dependencies"))) {
      try {
        Address.parse(
            dependency.startsWith("!") ? dependency.replaceFirst("^!+", "") : dependency,
            directory);
      } catch (UsageException e) {
        problems.add(
            error(
                file,
                lines.getOrDefault("dependencies", call.line()),
                "dependencies",
                e.getMessage()));
      }
    }
    Address address = new Address(directory, name);
    if (targets.containsKey(address) && !(targets.get(address) instanceof Target.UnknownTarget)) {
      problems.add(
          error(
              file,
              call.line(),
              "name",
              "two targets are named '"
                  + name
                  + "' (the other at line "
                  + targets.get(address).line()
                  + ")"));
      return;
    }
    if (problems.size() == before) {
      targets.put(
          address,
          targetType
              .create()
              .apply(
                  new Declaration(address, targetType.name(), fields, file, call.line(), lines)));
    }
  }

  /**
   * A call of a type that is neither modelled nor a Pants built-in (a plugin's target or macro):
   * one warning, and a target of that type so that what depends on it can say so. Its fields are
   * kept as written; a name or dependencies it cannot have are dropped.
   */
  private void unknownTarget(
      BuildCall call, String directory, String file, List<Problem> problems) {
    problems.add(
        unknownTypeWarning(
            file, call.line(), call.function(), "targets that depend on it are not checked"));
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    call.keywords()
        .forEach(
            (field, value) -> {
              fields.put(field, evaluate(value));
              lines.put(field, call.lineOf(field));
            });
    String name =
        fields.remove("name") instanceof String given
                && !given.isEmpty()
                && !given.contains(":")
                && !given.contains("/")
            ? given
            : Address.lastSegment(directory);
    try {
      for (String dependency : stringList(fields.get("dependencies"))) {
        Address.parse(dependency.replaceFirst("^!+", ""), directory);
      }
    } catch (UsageException e) {
      fields.remove("dependencies");
    }
    Address address = new Address(directory, name);
    if (!name.isEmpty() && !targets.containsKey(address)) {
      targets.put(
          address,
          new Target.UnknownTarget(
              new Declaration(address, call.function(), fields, file, call.line(), lines)));
    }
  }

  private static Problem unknownTypeWarning(String file, int line, String type, String affected) {
    return Problem.warning(
        file,
        line,
        "",
        UNKNOWN_TYPE,
        "unknown target type '"
            + type
            + "'"
            + TargetTypes.closest(type).map(c -> " (did you mean " + c + "?)").orElse("")
            + ": not a Pants built-in type (a plugin's or a macro?); "
            + affected);
  }

  private static List<String> stringList(Object value) {
    List<String> list = new ArrayList<>();
    if (value instanceof List<?> items) {
      items.forEach(item -> list.add(String.valueOf(item)));
    }
    return list;
  }

  /** Evaluates {@code env("VAR", "default")} calls, which Pants allows in BUILD files. */
  private Object evaluate(Object value) {
    if (value instanceof BuildCall call
        && call.function().equals("env")
        && !call.positional().isEmpty()) {
      String variable = String.valueOf(call.positional().get(0));
      String fromEnvironment = environment.get(variable);
      if (fromEnvironment != null) {
        return fromEnvironment;
      }
      return call.positional().size() > 1 ? call.positional().get(1) : BuildValue.NONE;
    }
    if (value instanceof List<?> list) {
      List<Object> evaluated = new ArrayList<>();
      list.forEach(item -> evaluated.add(evaluate(item)));
      return evaluated;
    }
    return value;
  }

  private static boolean checkValue(
      TargetType type, String field, Object value, String file, int line, List<Problem> problems) {
    if (type.opaque()) {
      return true; // known by name only: its fields are not checked
    }
    if (value instanceof BuildSymbol symbol) {
      problems.add(
          error(file, line, field, "unknown name '" + symbol.name() + "' in field " + field));
      return false;
    }
    FieldKind kind = type.kindOf(field);
    if (kind == FieldKind.STRING_LIST && value instanceof String) {
      problems.add(
          error(
              file,
              line,
              field,
              type.name()
                  + "."
                  + field
                  + " must be a list of strings, as in ["
                  + BuildValue.show(value)
                  + "]"));
      return false;
    }
    if (!kind.accepts(value)) {
      problems.add(
          error(
              file,
              line,
              field,
              type.name()
                  + "."
                  + field
                  + " must be "
                  + kind.describe()
                  + ", not "
                  + BuildValue.typeName(value)
                  + " "
                  + BuildValue.show(value)));
      return false;
    }
    return true;
  }

  static String unknownField(TargetType type, String field) {
    return "unknown field '"
        + field
        + "' of "
        + type.name()
        + "; known fields: "
        + String.join(", ", type.fields().keySet());
  }

  private static Problem error(String file, int line, String key, String message) {
    return Problem.error(file, line, key, "build-target", message);
  }
}
