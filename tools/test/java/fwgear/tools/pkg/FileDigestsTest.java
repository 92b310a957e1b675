package fwgear.tools.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {
  @TempDir Path root;

  @Test
  void remembersTheDigestOfAnOldFileAcrossRunsByItsSizeAndTime() throws Exception {
    Path file = root.resolve("old.jar");
    Files.writeString(file, "first");
    FileTime lastWeek = FileTime.from(Instant.now().minusSeconds(7 * 24 * 3600));
    Files.setLastModifiedTime(file, lastWeek);
    String digest = FileDigests.of(root).sha256(file);
    FileDigests.of(root).save();
    assertThat(digest).isEqualTo(FileDigests.compute(file));

    // Same size and time, other bytes: the remembered digest is used (the file is not read).
    Files.writeString(file, "fifth");
    Files.setLastModifiedTime(file, lastWeek);
    assertThat(FileDigests.of(root).sha256(file)).isEqualTo(digest);
    assertThat(root.resolve("dist/.gear/digests.json")).exists();
  }

  @Test
  void hashesAgainWhenTheSizeOrTimeChangedOrTheFileIsFresh() throws Exception {
    Path file = root.resolve("fresh.jar");
    Files.writeString(file, "one");
    String first = FileDigests.of(root).sha256(file);

    // Modified within the racy window with the same size and time: still hashed again.
    Files.writeString(file, "two");
    Files.setLastModifiedTime(file, Files.getLastModifiedTime(file));
    assertThat(FileDigests.of(root).sha256(file))
        .isNotEqualTo(first)
        .isEqualTo(FileDigests.compute(file));

    Files.writeString(file, "three");
    assertThat(FileDigests.of(root).sha256(file)).isEqualTo(FileDigests.compute(file));
  }
}
