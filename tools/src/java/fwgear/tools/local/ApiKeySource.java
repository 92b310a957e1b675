package fwgear.tools.local;

import fwgear.flywheel.ApiKey;
import fwgear.tools.UsageException;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where {@code ./gear config -i api-key} gets the key from, never from a visible argument: a key
 * file, else the {@value #ENV_VAR} environment variable, else a prompt that does not echo. Errors
 * never contain the key.
 */
public final class ApiKeySource {
  public static final String ENV_VAR = "FW_API_KEY";

  private final Map<String, String> environment;
  private final Supplier<Optional<char[]>> prompt;

  public ApiKeySource(Map<String, String> environment, Supplier<Optional<char[]>> prompt) {
    this.environment = environment;
    this.prompt = prompt;
  }

  /** Reads from the process environment and the terminal. */
  public static ApiKeySource system() {
    return new ApiKeySource(System.getenv(), ApiKeySource::promptOnConsole);
  }

  /** A source that always answers with the given key (the demo's local key). */
  public static ApiKeySource of(ApiKey key) {
    return new ApiKeySource(Map.of(ENV_VAR, key.reveal()), Optional::empty);
  }

  private static Optional<char[]> promptOnConsole() {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(console.readPassword("Flywheel API key (not shown): "));
  }

  /** The key from a key file (its first non-blank line). */
  public ApiKey fromFile(Path keyFile) {
    String text;
    try {
      text = Files.readString(keyFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the API key file " + keyFile + ": " + e.getMessage());
    }
    String key = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    return parse(key, "the API key file " + keyFile);
  }

  /** The key from {@value #ENV_VAR}, else typed at a prompt. */
  public ApiKey fromEnvironmentOrPrompt() {
    String fromEnvironment = environment.get(ENV_VAR);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return parse(fromEnvironment, "the environment variable " + ENV_VAR);
    }
    char[] typed =
        prompt
            .get()
            .orElseThrow(
                () ->
                    new UsageException(
                        "no API key: set "
                            + ENV_VAR
                            + ", give a key file (-i api-key=FILE), or run in a terminal to be"
                            + " asked for it"));
    try {
      return parse(new String(typed), "the key typed at the prompt");
    } finally {
      java.util.Arrays.fill(typed, '\0');
    }
  }

  private static ApiKey parse(String key, String origin) {
    if (key.isBlank()) {
      throw new UsageException(origin + " holds no API key");
    }
    try {
      return ApiKey.parse(key);
    } catch (IllegalArgumentException e) {
      // ApiKey's messages never contain the key.
      throw new UsageException(origin + ": " + e.getMessage());
    }
  }
}
