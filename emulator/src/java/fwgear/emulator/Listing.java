package fwgear.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A list endpoint's answer: filter, sort, skip/limit/page/after_id, then a plain array, or a {@code
 * {count, total, results}} page when the client sent {@code X-Accept-Feature: Pagination}.
 */
final class Listing {
  private Listing() {}

  static Reply of(
      Call call,
      Collection<ObjectNode> documents,
      Predicate<ObjectNode> visible,
      Function<ObjectNode, JsonNode> view) {
    Filter filter = call.query("filter").map(Filter::parse).orElse(Filter.all());
    Optional<String> sort = call.query("sort");
    Optional<Integer> limit = positive(call, "limit");
    Optional<Integer> skip = nonNegative(call, "skip");
    Optional<Integer> page = positive(call, "page");
    Optional<String> afterId = call.query("after_id");
    if (page.isPresent() && (limit.isEmpty() || skip.isPresent())) {
      throw ApiError.unprocessable("page requires limit and excludes skip");
    }
    if (afterId.isPresent() && (sort.isPresent() || page.isPresent() || skip.isPresent())) {
      throw ApiError.unprocessable("after_id cannot be combined with sort, page or skip");
    }

    List<ObjectNode> rows = new ArrayList<>();
    for (ObjectNode document : documents) {
      if (visible.test(document) && filter.matches(document)) {
        rows.add(document);
      }
    }
    sort.ifPresent(s -> rows.sort(comparator(s)));
    int total = rows.size();
    List<ObjectNode> selected = rows;
    if (afterId.isPresent()) {
      String after = afterId.get();
      selected = rows.stream().filter(d -> d.path("_id").asText().compareTo(after) > 0).toList();
    }
    int from = skip.orElse(page.map(p -> (p - 1) * limit.get()).orElse(0));
    from = Math.min(from, selected.size());
    int to = limit.isPresent() ? Math.min(selected.size(), from + limit.get()) : selected.size();
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode document : selected.subList(from, to)) {
      results.add(view.apply(document));
    }
    if (!call.acceptsFeature("pagination")) {
      return Reply.ok(results);
    }
    ObjectNode pageNode = JsonNodeFactory.instance.objectNode();
    pageNode.put("count", results.size());
    pageNode.put("total", total);
    pageNode.set("results", results);
    return Reply.ok(pageNode);
  }

  private static Comparator<ObjectNode> comparator(String sort) {
    Comparator<ObjectNode> result = null;
    for (String part : sort.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] fieldAndOrder = part.split(":", 2);
      String field = fieldAndOrder[0].strip();
      String order = fieldAndOrder.length > 1 ? fieldAndOrder[1].strip().toLowerCase() : "asc";
      boolean descending =
          switch (order) {
            case "asc", "1" -> false;
            case "desc", "-1" -> true;
            default -> throw ApiError.unprocessable("Invalid sort order: " + part);
          };
      Comparator<ObjectNode> one = Comparator.comparing(d -> Filter.at(d, field), Listing::compare);
      if (descending) {
        one = one.reversed();
      }
      result = result == null ? one : result.thenComparing(one);
    }
    return result == null ? (a, b) -> 0 : result;
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    boolean aMissing = a.isMissingNode() || a.isNull();
    boolean bMissing = b.isMissingNode() || b.isNull();
    if (aMissing || bMissing) {
      return Boolean.compare(!aMissing, !bMissing);
    }
    return a.asText().compareTo(b.asText());
  }

  private static Optional<Integer> positive(Call call, String name) {
    Optional<Integer> value = integer(call, name);
    if (value.isPresent() && value.get() <= 0) {
      throw ApiError.unprocessable(name + " must be greater than 0");
    }
    return value;
  }

  private static Optional<Integer> nonNegative(Call call, String name) {
    Optional<Integer> value = integer(call, name);
    if (value.isPresent() && value.get() < 0) {
      throw ApiError.unprocessable(name + " must not be negative");
    }
    return value;
  }

  private static Optional<Integer> integer(Call call, String name) {
    return call.query(name)
        .map(
            text -> {
              try {
                return Integer.valueOf(text);
              } catch (NumberFormatException e) {
                throw ApiError.unprocessable(name + " must be an integer, not " + text);
              }
            });
  }
}
