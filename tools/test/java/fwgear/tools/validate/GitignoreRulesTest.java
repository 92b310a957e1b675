package fwgear.tools.validate;

import static fwgear.tools.Fixtures.write;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitignoreRulesTest {
  static final String GITIGNORE = "gears/project_management/src/docker/.gitignore";

  @TempDir Path dir;

  @Test
  void theGitignoreMustMakeGitIgnoreConfigJson() throws Exception {
    Path root = Fixtures.copy("java", dir);
    write(root, GITIGNORE, "# local runs\n*.log\n");
    assertThat(problems(root))
        .containsExactly(
            GITIGNORE
                + ": gitignore-config: does not make git ignore config.json, which holds an API"
                + " key when the gear runs locally (add config.json)");

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

  @Test
  void gitsOwnRulesDecide() throws Exception {
    Path root = Fixtures.copy("java", dir);
    for (String ignoring :
        List.of("config.json*\n", "*.json\n!manifest.json\n", "**/config.json\n")) {
      write(root, GITIGNORE, ignoring);
      assertThat(problems(root)).as(ignoring).isEmpty();
    }
    write(root, GITIGNORE, "config.json\n!config.json\n");
    assertThat(problems(root)).hasSize(1);
    // A parent folder's .gitignore counts, as it does for git.
    write(root, GITIGNORE, "*.log\n");
    write(root, "gears/.gitignore", "**/src/docker/config.json\n");
    assertThat(problems(root)).isEmpty();
    // ... unless the gear's own file re-includes it.
    write(root, GITIGNORE, "!config.json\n");
    assertThat(problems(root)).hasSize(1);
  }
}
