package fwgear.tools.tailor;

import fwgear.tools.textedit.BuildFileText;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;

/**
 * Which files of its folder a BUILD target owns: its {@code source} or {@code sources} globs, or
 * the defaults Pants gives each target type ({@code java_sources}: {@code *.java} but not {@code
 * *Test.java}; {@code junit_tests}: {@code *Test.java}; {@code docker_image}: {@code Dockerfile}).
 */
final class Ownership {
  private static final Map<String, List<String>> DEFAULT_SOURCES =
      Map.of(
          "java_sources", List.of("*.java", "!*Test.java"),
          "junit_tests", List.of("*Test.java"),
          "docker_image", List.of("Dockerfile"),
          "python_sources", List.of("*.py", "!*_test.py", "!test_*.py"),
          "python_tests", List.of("*_test.py", "test_*.py"),
          "shell_sources", List.of("*.sh"));

  private Ownership() {}

  static boolean owns(BuildFileText.Call target, String fileName) {
    List<String> globs;
    if (target.has("sources")) {
      globs =
          target.strings().get("sources").stream().map(BuildFileText.StringLiteral::value).toList();
    } else if (target.has("source")) {
      globs =
          target.strings().get("source").stream().map(BuildFileText.StringLiteral::value).toList();
    } else {
      globs = DEFAULT_SOURCES.getOrDefault(target.type(), List.of());
    }
    boolean included = false;
    for (String glob : globs) {
      boolean exclude = glob.startsWith("!");
      String pattern = exclude ? glob.substring(1) : glob;
      if (matches(pattern, fileName)) {
        if (exclude) {
          return false;
        }
        included = true;
      }
    }
    return included;
  }

  private static boolean matches(String glob, String fileName) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    return matcher.matches(Path.of(fileName));
  }
}
