package fwgear.tools.buildfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a target is declared and what its BUILD call sets (after {@code __defaults__}): what every
 * target type shares. The typed target records read their fields from it once, when the BUILD file
 * is loaded; the raw values stay for {@code ./gear peek} and for types this tool does not model.
 *
 * @param type the target type's name, as written ({@code docker_image})
 * @param fields the fields set, in BUILD order, without {@code name}
 * @param buildFile the BUILD file, relative to the repository root
 * @param line the line of the call that declares the target
 * @param fieldLines the line of each field written in the BUILD file (defaults have none)
 */
public record Declaration(
    Address address,
    String type,
    Map<String, Object> fields,
    String buildFile,
    int line,
    Map<String, Integer> fieldLines) {

  public Declaration {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    fieldLines = Map.copyOf(fieldLines);
  }

  /** The line of a field, or of the target when the field was not written. */
  public int lineOf(String field) {
    return fieldLines.getOrDefault(field, line);
  }

  /** A value at its field's place. */
  <T> Located<T> at(String field, T value) {
    return new Located<>(value, buildFile, lineOf(field));
  }

  /** A string field; absent when unset or None. */
  Optional<Located<String>> string(String field) {
    return fields.get(field) instanceof String text
        ? Optional.of(at(field, text))
        : Optional.empty();
  }

  /** A list-of-strings field; absent when unset or None. */
  Optional<Located<List<String>>> strings(String field) {
    Object value = fields.get(field);
    return value == null || value == BuildValue.NONE
        ? Optional.empty()
        : Optional.of(at(field, stringList(value)));
  }

  /** A list-of-strings field; empty when unset or None. */
  Located<List<String>> stringsOrEmpty(String field) {
    return strings(field).orElseGet(() -> at(field, List.of()));
  }

  /**
   * The addresses depended on explicitly, resolved against the target's folder; entries starting
   * with {@code !} (Pants' exclusions of inferred dependencies) are left out.
   */
  List<Address> dependencies() {
    List<Address> addresses = new ArrayList<>();
    for (String dependency : stringList(fields.get("dependencies"))) {
      if (!dependency.startsWith("!")) {
        addresses.add(Address.parse(dependency, address.directory()));
      }
    }
    return List.copyOf(addresses);
  }

  private static List<String> stringList(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> values.add(String.valueOf(item)));
    }
    return List.copyOf(values);
  }
}
