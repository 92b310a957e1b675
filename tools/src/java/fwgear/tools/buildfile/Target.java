package fwgear.tools.buildfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target declared in a BUILD file, with the fields it sets (after {@code __defaults__}), as an
 * immutable value.
 *
 * @param buildFile the BUILD file, relative to the repository root ({@code
 *     gears/x/src/docker/BUILD})
 * @param line the line of the call that declares the target
 * @param fields the fields set, in BUILD order, without {@code name}
 * @param fieldLines the line of each field written in the BUILD file (defaults have none)
 */
public record Target(
    Address address,
    String type,
    Map<String, Object> fields,
    String buildFile,
    int line,
    Map<String, Integer> fieldLines) {

  public Target {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    fieldLines = Map.copyOf(fieldLines);
  }

  public String name() {
    return address.name();
  }

  public String directory() {
    return address.directory();
  }

  public boolean is(String targetType) {
    return type.equals(targetType);
  }

  /** The type; for a type that is not known, an opaque one of backend {@code unknown}. */
  public TargetType targetType() {
    return TargetTypes.find(type).orElseGet(() -> TargetType.opaque(type, "unknown"));
  }

  /** Whether the type is neither modelled nor a Pants built-in (a plugin's, or a macro). */
  public boolean isUnknownType() {
    return TargetTypes.find(type).isEmpty();
  }

  /** The line of a field, or of the target when the field was not written. */
  public int lineOf(String field) {
    return fieldLines.getOrDefault(field, line);
  }

  /** A string field; absent when unset or None. */
  public Optional<String> string(String field) {
    return fields.get(field) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** A list-of-strings field; empty when unset. */
  public List<String> strings(String field) {
    List<String> values = new ArrayList<>();
    if (fields.get(field) instanceof List<?> list) {
      list.forEach(item -> values.add(String.valueOf(item)));
    }
    return values;
  }

  /** Whether the field was set to something other than None. */
  public boolean has(String field) {
    Object value = fields.get(field);
    return value != null && value != BuildValue.NONE;
  }

  /**
   * The addresses this target depends on explicitly, resolved against its folder; entries starting
   * with {@code !} (Pants' exclusions of inferred dependencies) are left out.
   */
  public List<Address> dependencies() {
    List<Address> addresses = new ArrayList<>();
    for (String dependency : strings("dependencies")) {
      if (!dependency.startsWith("!")) {
        addresses.add(Address.parse(dependency, directory()));
      }
    }
    return addresses;
  }

  /**
   * Where {@code ./gear package} puts this target's binary, relative to {@code dist/}, named as
   * Pants names it: the folder with {@code /} replaced by {@code .}, then the target name and
   * suffix ({@code gears.x.src.java.app/bin.jar}); {@code output_path} overrides it. Empty for a
   * type that packages into no single file.
   */
  public Optional<String> outputPath() {
    Optional<String> suffix = TargetTypes.find(type).flatMap(TargetType::outputSuffix);
    if (suffix.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> explicit = string("output_path");
    if (explicit.isPresent()) {
      return explicit;
    }
    String file = name().replace('.', '_') + suffix.get();
    return Optional.of(directory().isEmpty() ? file : directory().replace('/', '.') + "/" + file);
  }

  /** The path of a file named by this target, relative to the repository root. */
  public String pathOf(String relativeToTarget) {
    return directory().isEmpty() ? relativeToTarget : directory() + "/" + relativeToTarget;
  }
}
