package fwgear.tools.buildfile;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers for the plain values a BUILD file holds (see {@link BuildCall}). */
public final class BuildValue {
  /** Python's {@code None} (Java collections do not hold null). */
  public static final Object NONE =
      new Object() {
        @Override
        public String toString() {
          return "None";
        }
      };

  private BuildValue() {}

  /** The value written back in BUILD (Python) syntax, for messages. */
  public static String show(Object value) {
    if (value instanceof String text) {
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    if (value instanceof Boolean bool) {
      return bool ? "True" : "False";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(BuildValue::show).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> show(e.getKey()) + ": " + show(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof BuildCall call) {
      String args =
          java.util.stream.Stream.concat(
                  call.positional().stream().map(BuildValue::show),
                  call.keywords().entrySet().stream()
                      .map(e -> e.getKey() + "=" + show(e.getValue())))
              .collect(Collectors.joining(", "));
      return call.function() + "(" + args + ")";
    }
    return String.valueOf(value);
  }

  /** The Python type name of a value, for messages such as "expected a string, got list". */
  public static String typeName(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float";
    }
    if (value instanceof List) {
      return "list";
    }
    if (value instanceof Map) {
      return "dict";
    }
    if (value instanceof BuildCall call) {
      return call.function() + "(...)";
    }
    return "None";
  }

  /** A JSON-friendly copy: NONE becomes null, calls become {"function": ..., args}. */
  public static Object toJson(Object value) {
    if (value == NONE) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(BuildValue::toJson).collect(Collectors.toList());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJson(v)));
      return copy;
    }
    if (value instanceof BuildCall call) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      copy.put("function", call.function());
      if (!call.positional().isEmpty()) {
        copy.put("args", toJson(call.positional()));
      }
      call.keywords().forEach((k, v) -> copy.put(k, toJson(v)));
      return copy;
    }
    return value;
  }
}
