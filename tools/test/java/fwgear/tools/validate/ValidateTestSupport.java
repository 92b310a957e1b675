package fwgear.tools.validate;

import fwgear.problem.Problem;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the validator on a repository and gives its problems as printed lines. */
final class ValidateTestSupport {
  static final String JAVA_DOCKER = "gears/project_management/src/docker/";
  static final String JAVA_MANIFEST = JAVA_DOCKER + "manifest.json";
  static final String JAVA_BUILD = JAVA_DOCKER + "BUILD";
  static final String JAVA_DOCKERFILE = JAVA_DOCKER + "Dockerfile";
  static final String JAVA_APP = "gears/project_management/src/java/project_app/";

  private ValidateTestSupport() {}

  static List<String> problems(Path root) {
    return new GearValidator()
        .validate(Repository.load(root, Map.of()), Specs.ALL).problems().stream()
            .map(Problem::format)
            .toList();
  }
}
