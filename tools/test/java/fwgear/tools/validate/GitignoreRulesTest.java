package fwgear.tools.validate;

import static fwgear.tools.Fixtures.write;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitignoreRulesTest {
  static final String GITIGNORE = "gears/project_management/src/docker/.gitignore";

  @TempDir Path dir;

  @Test
  void theGitignoreMustListConfigJson() throws Exception {
    Path root = Fixtures.copy("java", dir);
    write(root, GITIGNORE, "# local runs\n*.log\n");
    assertThat(problems(root))
        .containsExactly(
            GITIGNORE
                + ":2: gitignore-config: does not list config.json, which holds an API key when"
                + " the gear runs locally");

    Files.delete(root.resolve(GITIGNORE));
    assertThat(problems(root))
        .containsExactly(
            GITIGNORE
                + ": gitignore-config: missing: "
                + GITIGNORE
                + " must list config.json, which holds an API key when the gear runs locally");

    write(root, GITIGNORE, "/config.json\n");
    assertThat(problems(root)).isEmpty();
  }
}
