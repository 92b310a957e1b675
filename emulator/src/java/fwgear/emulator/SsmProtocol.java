package fwgear.emulator;

import static fwgear.emulator.Containers.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * AWS Systems Manager parameters over the AWS JSON 1.1 protocol ({@code POST /} with {@code
 * X-Amz-Target: AmazonSSM.<Operation>}), the operations the AWS CLI and SDK use: GetParameter(s),
 * GetParametersByPath, PutParameter, DeleteParameter(s), DescribeParameters and
 * GetParameterHistory, with SSM's name rules, limits, version selectors ({@code name:3}) and
 * errors. Requests reach this class only after their SigV4 signature was verified.
 *
 * <p>A parameter is one document of kind {@code ssm}: its name and its versions, oldest first (at
 * most 100 kept). SecureString values are stored encrypted ({@link SsmCrypto}).
 */
final class SsmProtocol {
  static final String TARGET_PREFIX = "AmazonSSM.";
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final String ACCOUNT = "000000000000";
  static final String REGION = "us-east-1";
  private static final int MAX_VERSIONS = 100;
  private static final int MAX_NAME = 1011;
  private static final int MAX_VALUE = 4096;
  private static final int MAX_DEPTH = 15;
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
  private static final Set<String> TYPES = Set.of("String", "StringList", "SecureString");
  private static final String DEFAULT_KEY = "alias/aws/ssm";

  /** An SSM error: {@code {"__type": ..., "message": ...}}, status 400 (500 for faults). */
  static final class SsmError extends RuntimeException {
    final String type;

    SsmError(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }
  }

  private final Store store;
  private final SsmCrypto crypto;
  private final UnaryOperator<String> placeholders;

  SsmProtocol(Store store, SsmCrypto crypto, UnaryOperator<String> placeholders) {
    this.store = store;
    this.crypto = crypto;
    this.placeholders = placeholders;
  }

  JsonNode handle(String target, JsonNode request, String user) {
    if (!target.startsWith(TARGET_PREFIX)) {
      throw new SsmError("UnknownOperationException", "Unknown operation " + target);
    }
    if (!request.isObject()) {
      throw new SsmError("SerializationException", "The request body must be a JSON object");
    }
    String operation = target.substring(TARGET_PREFIX.length());
    return switch (operation) {
      case "GetParameter" -> getParameter(request);
      case "GetParameters" -> getParameters(request);
      case "GetParametersByPath" -> getParametersByPath(request);
      case "PutParameter" -> putParameter(request, user);
      case "DeleteParameter" -> deleteParameter(request);
      case "DeleteParameters" -> deleteParameters(request);
      case "DescribeParameters" -> describeParameters(request);
      case "GetParameterHistory" -> history(request);
      default -> throw new SsmError("UnknownOperationException", "Unknown operation " + target);
    };
  }

  // ---- reads ---------------------------------------------------------------------------------

  private JsonNode getParameter(JsonNode request) {
    String name = requiredText(request, "Name");
    boolean decrypt = bool(request, "WithDecryption");
    ObjectNode answer = NODES.objectNode();
    answer.set("Parameter", select(name, decrypt));
    return answer;
  }

  /** {@code name}, {@code name:version}, {@code name:label} or the parameter's ARN. */
  private ObjectNode select(String requested, boolean decrypt) {
    String name = requested;
    String selector = null;
    String arnPrefix = "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter";
    if (name.startsWith(arnPrefix)) {
      name = name.substring(arnPrefix.length());
    }
    int colon = name.indexOf(':');
    if (colon >= 0) {
      selector = name.substring(colon + 1);
      name = name.substring(0, colon);
    }
    checkName(name);
    String finalName = name;
    ObjectNode parameter = find(name).orElseThrow(() -> notFound(finalName));
    JsonNode versions = parameter.path("History");
    JsonNode chosen = versions.get(versions.size() - 1);
    if (selector != null) {
      chosen = null;
      for (JsonNode version : versions) {
        boolean byNumber =
            selector.matches("[0-9]{1,19}") && version.path("Version").asText().equals(selector);
        boolean byLabel = contains(version.path("Labels"), selector);
        if (byNumber || byLabel) {
          chosen = version;
        }
      }
      if (chosen == null) {
        throw new SsmError(
            selector.matches("[0-9]+")
                ? "ParameterVersionNotFound"
                : "ParameterVersionLabelNotFound",
            "Systems Manager could not find version " + selector + " of " + name + ".");
      }
    }
    ObjectNode view = view(name, chosen, decrypt, true);
    if (selector != null) {
      view.put("Selector", ":" + selector);
    }
    return view;
  }

  private JsonNode getParameters(JsonNode request) {
    JsonNode names = request.path("Names");
    if (!names.isArray()) {
      throw new SsmError("ValidationException", "Names is required: a list of 1 to 10 names");
    }
    if (names.isEmpty() || names.size() > 10) {
      throw new SsmError(
          "ValidationException",
          "1 validation error detected: Value at 'names' failed to satisfy constraint: Member must"
              + " have length less than or equal to 10 and greater than or equal to 1");
    }
    boolean decrypt = bool(request, "WithDecryption");
    List<ObjectNode> found = new ArrayList<>();
    ArrayNode invalid = NODES.arrayNode();
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        throw new SsmError("SerializationException", "Names holds strings only");
      }
      try {
        found.add(select(name.textValue(), decrypt));
      } catch (SsmError e) {
        if (e.type.equals("ValidationException")) {
          throw e;
        }
        invalid.add(name.textValue());
      }
    }
    found.sort(Comparator.comparing(p -> p.path("Name").asText()));
    ObjectNode answer = NODES.objectNode();
    answer.putArray("Parameters").addAll(found);
    answer.set("InvalidParameters", invalid);
    return answer;
  }

  private JsonNode getParametersByPath(JsonNode request) {
    String path = requiredText(request, "Path");
    if (!path.startsWith("/") || !(path.equals("/") || NAME.matcher(path).matches())) {
      throw new SsmError(
          "ValidationException",
          "The parameter path " + path + " is not valid: it starts with / and holds a-zA-Z0-9_.-/");
    }
    String prefix = path.endsWith("/") ? path : path + "/";
    boolean recursive = bool(request, "Recursive");
    boolean decrypt = bool(request, "WithDecryption");
    int max = maxResults(request, 10);
    Predicate<JsonNode> filters =
        filters(request.path("ParameterFilters"), Set.of("Type", "KeyId", "Label"));
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode parameter : store.list("ssm")) {
      String name = parameter.path("Name").asText();
      JsonNode current = latest(parameter);
      if (name.startsWith(prefix)
          && (recursive || name.indexOf('/', prefix.length()) < 0)
          && filters.test(probe(name, current))) {
        matching.add(view(name, current, decrypt, true));
      }
    }
    return page(matching, request, max);
  }

  private JsonNode describeParameters(JsonNode request) {
    boolean old = request.has("Filters");
    boolean current = request.has("ParameterFilters");
    if (old && current) {
      throw new SsmError(
          "ValidationException",
          "You can use either Filters or ParameterFilters in a single request.");
    }
    int max = maxResults(request, 50);
    Predicate<JsonNode> filters =
        old
            ? oldFilters(request.path("Filters"))
            : filters(
                request.path("ParameterFilters"),
                Set.of("Name", "Type", "KeyId", "Path", "Tier", "DataType", "Label"));
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode parameter : store.list("ssm")) {
      JsonNode latest = latest(parameter);
      if (filters.test(probe(parameter.path("Name").asText(), latest))) {
        ObjectNode metadata = view(parameter.path("Name").asText(), latest, false, false);
        metadata.remove("Value");
        metadata.remove("ARN");
        metadata.put("ARN", arn(parameter.path("Name").asText()));
        matching.add(metadata);
      }
    }
    return page(matching, request, max);
  }

  private JsonNode history(JsonNode request) {
    String name = requiredText(request, "Name");
    checkName(name);
    boolean decrypt = bool(request, "WithDecryption");
    int max = maxResults(request, 50);
    ObjectNode parameter = find(name).orElseThrow(() -> notFound(name));
    List<ObjectNode> versions = new ArrayList<>();
    for (JsonNode version : parameter.path("History")) {
      ObjectNode entry = view(name, version, decrypt, false);
      entry.remove("ARN");
      entry.set(
          "Labels", version.path("Labels").isArray() ? version.get("Labels") : NODES.arrayNode());
      versions.add(entry);
    }
    return page(versions, request, max);
  }

  // ---- writes --------------------------------------------------------------------------------

  private JsonNode putParameter(JsonNode request, String user) {
    String name = requiredText(request, "Name");
    checkName(name);
    if (name.chars().filter(c -> c == '/').count() > MAX_DEPTH) {
      throw new SsmError(
          "HierarchyLevelLimitExceededException",
          "A parameter name can have at most " + MAX_DEPTH + " levels.");
    }
    JsonNode valueNode = request.get("Value");
    if (valueNode == null || !valueNode.isTextual()) {
      throw new SsmError(
          valueNode == null ? "ValidationException" : "SerializationException",
          "Value is required and must be a string");
    }
    String value = valueNode.textValue();
    if (value.isEmpty() || value.length() > MAX_VALUE) {
      throw new SsmError(
          "ValidationException",
          "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must"
              + " have length between 1 and "
              + MAX_VALUE);
    }
    Optional<String> type = optionalText(request, "Type");
    if (type.isPresent() && !TYPES.contains(type.get())) {
      throw new SsmError(
          "ValidationException",
          "1 validation error detected: Value '"
              + type.get()
              + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [SecureString, StringList, String]");
    }
    boolean overwrite = bool(request, "Overwrite");
    if (overwrite && request.has("Tags")) {
      throw new SsmError(
          "ValidationException",
          "Invalid request: tags and overwrite can't be used together. To create a parameter with"
              + " tags, please remove overwrite flag.");
    }
    Optional<String> description = optionalText(request, "Description");
    if (description.isPresent() && description.get().length() > 1024) {
      throw new SsmError("ValidationException", "Description has at most 1024 characters");
    }
    Optional<String> pattern = optionalText(request, "AllowedPattern");
    if (pattern.isPresent()) {
      try {
        if (!Pattern.compile(pattern.get()).matcher(value).matches()) {
          throw new SsmError(
              "ParameterPatternMismatchException",
              "Parameter value, cannot be validated against allowedPattern: " + pattern.get());
        }
      } catch (PatternSyntaxException e) {
        throw new SsmError("InvalidAllowedPatternException", "AllowedPattern is not a valid regex");
      }
    }
    Optional<String> keyId = optionalText(request, "KeyId");
    Optional<String> dataType = optionalText(request, "DataType");
    if (dataType.isPresent()
        && !Set.of("text", "aws:ec2:image", "aws:ssm:integration").contains(dataType.get())) {
      throw new SsmError(
          "ValidationException", "DataType is text, aws:ec2:image or aws:ssm:integration");
    }
    Optional<String> tier = optionalText(request, "Tier");
    if (tier.isPresent()
        && !Set.of("Standard", "Advanced", "Intelligent-Tiering").contains(tier.get())) {
      throw new SsmError(
          "ValidationException", "Tier is Standard, Advanced or Intelligent-Tiering");
    }
    long version =
        Containers.transact(
            store,
            tx -> {
              Optional<ObjectNode> existing = tx.get("ssm", name);
              if (existing.isPresent() && !overwrite) {
                throw new SsmError(
                    "ParameterAlreadyExists",
                    "The parameter already exists. To overwrite this value, set the overwrite"
                        + " option in the request to true.");
              }
              if (existing.isEmpty() && type.isEmpty()) {
                throw new SsmError(
                    "ValidationException",
                    "A parameter type is required when you create a parameter.");
              }
              ObjectNode parameter =
                  existing.map(ObjectNode::deepCopy).orElseGet(() -> newParameter(name));
              JsonNode previous = parameter.path("History").isEmpty() ? null : latest(parameter);
              String newType = type.orElseGet(() -> previous.path("Type").asText());
              ObjectNode entry =
                  version(
                      previous == null ? 1 : previous.path("Version").asLong() + 1,
                      newType,
                      // SecureString values are stored encrypted, never as plaintext.
                      newType.equals("SecureString") ? crypto.encrypt(value) : value,
                      description.orElse(
                          previous == null ? null : previous.path("Description").textValue()),
                      user);
              keyId.ifPresent(k -> entry.put("KeyId", k));
              if (newType.equals("SecureString") && keyId.isEmpty()) {
                entry.put(
                    "KeyId",
                    previous != null && previous.path("KeyId").isTextual()
                        ? previous.path("KeyId").asText()
                        : DEFAULT_KEY);
              }
              pattern.ifPresent(p -> entry.put("AllowedPattern", p));
              entry.put("DataType", dataType.orElse("text"));
              entry.put(
                  "Tier", tier.orElse("Standard").equals("Advanced") ? "Advanced" : "Standard");
              ArrayNode history = (ArrayNode) parameter.path("History");
              history.add(entry);
              while (history.size() > MAX_VERSIONS) {
                history.remove(0);
              }
              tx.put("ssm", name, parameter);
              return entry.path("Version").asLong();
            });
    ObjectNode answer = NODES.objectNode();
    answer.put("Version", version);
    answer.put("Tier", "Standard");
    return answer;
  }

  private JsonNode deleteParameter(JsonNode request) {
    String name = requiredText(request, "Name");
    checkName(name);
    boolean deleted = store.delete("ssm", name);
    if (!deleted) {
      throw notFound(name);
    }
    return NODES.objectNode();
  }

  private JsonNode deleteParameters(JsonNode request) {
    JsonNode names = request.path("Names");
    if (!names.isArray() || names.isEmpty() || names.size() > 10) {
      throw new SsmError("ValidationException", "Names is a list of 1 to 10 names");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        throw new SsmError("SerializationException", "Names holds strings only");
      }
      list.add(name.textValue());
    }
    ObjectNode answer = NODES.objectNode();
    ArrayNode deleted = answer.putArray("DeletedParameters");
    ArrayNode invalid = answer.putArray("InvalidParameters");
    Containers.transact(
        store,
        tx -> {
          for (String name : list) {
            if (validName(name) && tx.delete("ssm", name)) {
              deleted.add(name);
            } else {
              invalid.add(name);
            }
          }
          return null;
        });
    return answer;
  }

  /** Adds a parameter at seed time (type and name checked by the seed). */
  static ObjectNode seeded(SsmCrypto crypto, String name, String type, String value) {
    ObjectNode parameter = newParameter(name);
    ObjectNode entry =
        version(1, type, type.equals("SecureString") ? crypto.encrypt(value) : value, null, "seed");
    if (type.equals("SecureString")) {
      entry.put("KeyId", DEFAULT_KEY);
    }
    entry.put("DataType", "text");
    entry.put("Tier", "Standard");
    ((ArrayNode) parameter.path("History")).add(entry);
    return parameter;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static ObjectNode newParameter(String name) {
    ObjectNode parameter = NODES.objectNode();
    parameter.put("_id", name);
    parameter.put("Name", name);
    parameter.putArray("History");
    return parameter;
  }

  /** One version; {@code storedValue} is already encrypted for a SecureString. */
  private static ObjectNode version(
      long number, String type, String storedValue, String description, String user) {
    ObjectNode entry = NODES.objectNode();
    entry.put("Version", number);
    entry.put("Type", type);
    entry.put("Value", storedValue);
    if (description != null) {
      entry.put("Description", description);
    }
    entry.put("LastModifiedDate", System.currentTimeMillis() / 1000.0);
    entry.put("LastModifiedUser", "arn:aws:iam::" + ACCOUNT + ":user/" + user);
    entry.putArray("Labels");
    return entry;
  }

  /** What filters look at: a version with its parameter's name. */
  private static JsonNode probe(String name, JsonNode version) {
    return ((ObjectNode) version.deepCopy()).put("__name", name);
  }

  private static JsonNode latest(JsonNode parameter) {
    JsonNode history = parameter.path("History");
    return history.get(history.size() - 1);
  }

  private Optional<ObjectNode> find(String name) {
    return store.get("ssm", name);
  }

  /** What a reader sees of one version: the plaintext only with decryption. */
  private ObjectNode view(String name, JsonNode version, boolean decrypt, boolean withArn) {
    String type = version.path("Type").asText();
    String value = version.path("Value").asText();
    if (type.equals("SecureString") && decrypt) {
      value = crypto.decrypt(value);
    }
    if (!type.equals("SecureString") || decrypt) {
      value = placeholders.apply(value);
    }
    ObjectNode view = NODES.objectNode();
    view.put("Name", name);
    view.put("Type", type);
    if (version.path("KeyId").isTextual()) {
      view.put("KeyId", version.path("KeyId").asText());
    }
    view.put("Value", value);
    view.put("Version", version.path("Version").asLong(1));
    if (version.path("Description").isTextual()) {
      view.put("Description", version.path("Description").asText());
    }
    if (version.path("AllowedPattern").isTextual()) {
      view.put("AllowedPattern", version.path("AllowedPattern").asText());
    }
    view.set("LastModifiedDate", version.path("LastModifiedDate"));
    view.put("LastModifiedUser", version.path("LastModifiedUser").asText());
    if (withArn) {
      view.put("ARN", arn(name));
    }
    view.put("DataType", version.path("DataType").asText("text"));
    view.put("Tier", version.path("Tier").asText("Standard"));
    view.set("Policies", NODES.arrayNode());
    return view;
  }

  private static String arn(String name) {
    return "arn:aws:ssm:"
        + REGION
        + ":"
        + ACCOUNT
        + ":parameter"
        + (name.startsWith("/") ? name : "/" + name);
  }

  /** A page of results; {@code NextToken} is left out on the last page (clients loop on it). */
  private static JsonNode page(List<ObjectNode> all, JsonNode request, int max) {
    all.sort(
        Comparator.comparing(
            p ->
                p.path("Name").asText()
                    + "\u0000"
                    + String.format("%020d", p.path("Version").asLong())));
    int offset = 0;
    Optional<String> token = optionalText(request, "NextToken");
    if (token.isPresent()) {
      try {
        offset = Integer.parseInt(token.get());
      } catch (NumberFormatException e) {
        offset = -1;
      }
      if (offset < 0 || offset > all.size()) {
        throw new SsmError("InvalidNextToken", "The specified token isn't valid.");
      }
    }
    int end = Math.min(all.size(), offset + max);
    ObjectNode answer = NODES.objectNode();
    answer.putArray("Parameters").addAll(all.subList(offset, end));
    if (end < all.size()) {
      answer.put("NextToken", Integer.toString(end));
    }
    return answer;
  }

  private static int maxResults(JsonNode request, int limit) {
    JsonNode max = request.get("MaxResults");
    if (max == null) {
      return limit;
    }
    if (!max.isIntegralNumber()) {
      throw new SsmError("SerializationException", "MaxResults must be an integer");
    }
    if (max.asLong() < 1 || max.asLong() > limit) {
      throw new SsmError(
          "ValidationException",
          "1 validation error detected: Value '"
              + max.asText()
              + "' at 'maxResults' failed to satisfy constraint: Member must have value less than"
              + " or equal to "
              + limit);
    }
    return max.asInt();
  }

  /** ParameterFilters: {@code [{Key, Option?, Values}]}, on the latest version. */
  private static Predicate<JsonNode> filters(JsonNode filters, Set<String> allowed) {
    if (filters.isMissingNode() || filters.isNull()) {
      return p -> true;
    }
    if (!filters.isArray()) {
      throw new SsmError("SerializationException", "ParameterFilters must be a list");
    }
    Predicate<JsonNode> all = p -> true;
    for (JsonNode filter : filters) {
      String key = filter.path("Key").asText("");
      if (!allowed.contains(key) && !(allowed.contains("Name") && key.startsWith("tag:"))) {
        throw new SsmError(
            "InvalidFilterKey", "The following filter key is not valid: " + key + ".");
      }
      String option = filter.path("Option").asText(key.equals("Path") ? "OneLevel" : "Equals");
      List<String> values = new ArrayList<>();
      filter.path("Values").forEach(v -> values.add(v.asText()));
      if (values.isEmpty() && !key.startsWith("tag:")) {
        throw new SsmError(
            "InvalidFilterValue", "The filter " + key + " needs at least one value.");
      }
      Predicate<JsonNode> one = filter(key, option, values);
      all = all.and(one);
    }
    return all;
  }

  private static Predicate<JsonNode> filter(String key, String option, List<String> values) {
    if (key.equals("Path")) {
      if (!option.equals("Recursive") && !option.equals("OneLevel")) {
        throw new SsmError("InvalidFilterOption", "The Path filter takes Recursive or OneLevel.");
      }
      return version ->
          values.stream()
              .anyMatch(
                  v -> underPath(version.path("__name").asText(), v, option.equals("Recursive")));
    }
    if (key.startsWith("tag:")) {
      return version -> false; // tags are not kept: no parameter carries one
    }
    if (!Set.of("Equals", "BeginsWith", "Contains").contains(option)
        || (option.equals("Contains") && !key.equals("Name"))) {
      throw new SsmError(
          "InvalidFilterOption", "The filter option " + option + " is not valid for " + key + ".");
    }
    return version -> {
      String actual =
          switch (key) {
            case "Name" -> version.path("__name").asText();
            case "Label" -> null;
            default -> version.path(key).asText(key.equals("Tier") ? "Standard" : "");
          };
      if (key.equals("Label")) {
        return values.stream().anyMatch(v -> contains(version.path("Labels"), v));
      }
      return values.stream()
          .anyMatch(
              v ->
                  switch (option) {
                    case "BeginsWith" ->
                        actual.startsWith(v)
                            || (key.equals("Name") && ("/" + actual).startsWith(v));
                    case "Contains" -> actual.contains(v);
                    default -> actual.equals(v) || (key.equals("Name") && actual.equals("/" + v));
                  });
    };
  }

  /** The deprecated Filters: {@code [{Key: Name|Type|KeyId, Values}]}, Name by prefix. */
  private static Predicate<JsonNode> oldFilters(JsonNode filters) {
    if (!filters.isArray()) {
      throw new SsmError("SerializationException", "Filters must be a list");
    }
    Predicate<JsonNode> all = p -> true;
    for (JsonNode filter : filters) {
      String key = filter.path("Key").asText("");
      if (!Set.of("Name", "Type", "KeyId").contains(key)) {
        throw new SsmError(
            "ValidationException", "Filters keys are Name, Type and KeyId, not " + key);
      }
      List<String> values = new ArrayList<>();
      filter.path("Values").forEach(v -> values.add(v.asText()));
      all = all.and(filter(key, key.equals("Name") ? "BeginsWith" : "Equals", values));
    }
    return all;
  }

  private static boolean underPath(String name, String path, boolean recursive) {
    String prefix = path.endsWith("/") ? path : path + "/";
    return name.startsWith(prefix) && (recursive || name.indexOf('/', prefix.length()) < 0);
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  static boolean validName(String name) {
    try {
      checkName(name);
      return true;
    } catch (SsmError e) {
      return false;
    }
  }

  /** SSM's name rules; a broken one is a ValidationException, never "not found". */
  static void checkName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new SsmError(
          "ValidationException", "Parameter name must have 1 to " + MAX_NAME + " characters.");
    }
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw new SsmError("ValidationException", "Parameter name: can't contain spaces.");
    }
    if (!NAME.matcher(name).matches()) {
      throw new SsmError(
          "ValidationException",
          "Parameter name must only contain letters, numbers and the symbols _ . - /: " + name);
    }
    String bare = (name.startsWith("/") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
    if (bare.startsWith("aws") || bare.startsWith("ssm")) {
      throw new SsmError(
          "ValidationException",
          "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
    }
    if (name.contains("/") && !name.startsWith("/")) {
      throw new SsmError(
          "ValidationException", "Parameter name must be a fully qualified name: " + name);
    }
    if (name.contains("//") || (name.length() > 1 && name.endsWith("/")) || name.equals("/")) {
      throw new SsmError("ValidationException", "Parameter name is not valid: " + name);
    }
  }

  private static SsmError notFound(String name) {
    return new SsmError("ParameterNotFound", "Parameter " + name + " not found.");
  }

  private static String requiredText(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw new SsmError("ValidationException", field + " is required");
    }
    if (!value.isTextual()) {
      throw new SsmError("SerializationException", field + " must be a string");
    }
    return value.textValue();
  }

  private static Optional<String> optionalText(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new SsmError("SerializationException", field + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  private static boolean bool(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new SsmError("SerializationException", field + " must be a boolean");
    }
    return value.booleanValue();
  }
}
