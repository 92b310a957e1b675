package fwgear.tools.local;

import fwgear.tools.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The variables {@code ./gear run} gives a gear beyond its manifest's: the AWS settings of the
 * caller's environment ({@link AwsEnvironment}), then those of {@code --env-file} files, then
 * {@code --env NAME=VALUE} (a later one wins). Nothing else of the caller's environment is passed.
 */
public final class RunEnvironment {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RunEnvironment() {}

  /**
   * @throws UsageException naming the file and line, or the option, that is not {@code NAME=VALUE}
   */
  public static Map<String, String> of(
      Map<String, String> caller, List<Path> envFiles, List<String> assignments) {
    Map<String, String> environment = new LinkedHashMap<>(AwsEnvironment.of(caller));
    for (Path file : envFiles) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("--env-file " + file + ": cannot read it: " + e.getMessage());
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("export ")) {
          line = line.substring("export ".length()).strip();
        }
        put(environment, line, file + ":" + (i + 1));
      }
    }
    for (String assignment : assignments) {
      put(environment, assignment, "--env " + assignment.replaceAll("=.*", "=..."));
    }
    return environment;
  }

  private static void put(Map<String, String> environment, String assignment, String where) {
    int equals = assignment.indexOf('=');
    String name = equals < 0 ? assignment : assignment.substring(0, equals);
    if (equals < 0 || !NAME.matcher(name).matches()) {
      throw new UsageException(where + ": expected NAME=VALUE");
    }
    String value = assignment.substring(equals + 1);
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      value = value.substring(1, value.length() - 1);
    }
    environment.put(name, value);
  }
}
