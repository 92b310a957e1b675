package fwgear.tools.buildfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A target type that BUILD files may use, with the fields it accepts.
 *
 * @param fields every field the type accepts, with the kind of value it takes
 * @param required the fields a target of this type must set
 * @param outputSuffix the file suffix of the packaged binary ({@code .jar}, {@code .pex}) for types
 *     that package into one file, empty otherwise
 * @param opaque a Pants built-in type this tool does not model: any field is accepted unchecked, it
 *     can be depended on, and it is never packaged by {@code ./gear}
 * @param backend the Pants backend that registers the type ({@code core}, {@code python}, ...)
 * @param create makes the type's typed record from a checked declaration
 */
public record TargetType(
    String name,
    Map<String, FieldKind> fields,
    Set<String> required,
    Optional<String> outputSuffix,
    boolean opaque,
    String backend,
    Function<Declaration, Target> create) {

  public TargetType {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    required = Set.copyOf(required);
  }

  /** A built-in type that is known by name only. */
  static TargetType opaque(String name, String backend) {
    return new TargetType(
        name, Map.of(), Set.of(), Optional.empty(), true, backend, Target.OpaqueTarget::new);
  }

  /** The kind of value a field takes, checked when a BUILD file is loaded. */
  public enum FieldKind {
    STRING,
    STRING_LIST,
    BOOLEAN,
    INTEGER,
    DICT,
    ANY;

    /** Whether the value fits; None fits every kind (it means "the default"). */
    boolean accepts(Object value) {
      if (value == BuildValue.NONE) {
        return true;
      }
      return switch (this) {
        case STRING -> value instanceof String;
        case STRING_LIST ->
            value instanceof java.util.List<?> list
                && list.stream().allMatch(item -> item instanceof String);
        case BOOLEAN -> value instanceof Boolean;
        case INTEGER -> value instanceof Long;
        case DICT -> value instanceof Map;
        case ANY -> !(value instanceof BuildSymbol);
      };
    }

    String describe() {
      return switch (this) {
        case STRING -> "a string";
        case STRING_LIST -> "a list of strings";
        case BOOLEAN -> "True or False";
        case INTEGER -> "an integer";
        case DICT -> "a dict";
        case ANY -> "a value";
      };
    }
  }

  /** Whether the type accepts the field (an opaque type accepts every field). */
  public boolean hasField(String field) {
    return opaque || fields.containsKey(field);
  }

  /** The kind of value a field takes; {@link FieldKind#ANY} for an opaque type's fields. */
  public FieldKind kindOf(String field) {
    return fields.getOrDefault(field, FieldKind.ANY);
  }
}
