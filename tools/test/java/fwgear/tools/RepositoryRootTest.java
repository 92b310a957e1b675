package fwgear.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {
  @TempDir Path tmp;

  @Test
  void findsTheNearestFolderWithGearToml() throws Exception {
    Files.writeString(tmp.resolve("gear.toml"), "");
    Path deep = Files.createDirectories(tmp.resolve("gear/x/src/java"));

    assertThat(RepositoryRoot.find(deep)).contains(tmp.toRealPath());
  }

  @Test
  void acceptsAPantsRepository() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(repo.resolve("pants.toml"), "");

    assertThat(RepositoryRoot.find(repo.resolve("missing/below"))).contains(repo);
  }

  @Test
  void findsNothingOutsideARepository() {
    assertThat(RepositoryRoot.find(tmp)).isEmpty();
  }
}
