package fwgear.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GearContextLifecycleTest {
  @TempDir Path dir;

  private GearContext open(boolean clean) {
    Path base = GearFolder.create(dir.resolve("gear"), "config.valid.json");
    return GearContext.builder()
        .baseDir(base)
        .environment(Map.of())
        .cleanOutputOnFailure(clean)
        .open();
  }

  @Test
  void aSuccessfulCloseWritesTheMetadata() throws Exception {
    Path output;
    try (GearContext context = open(false)) {
      output = context.outputDir();
      Files.writeString(output.resolve("count.txt"), "5");
      context
          .metadata()
          .updateFile("count.txt", Map.of("type", "text"))
          .addFileTags("count.txt", "done");
      context.metadata().addQcResult("words.txt", "words", QcState.PASS, Map.of());
      context.succeeded();
    }
    assertThat(output.resolve(".metadata.json")).exists();
    assertThat(Files.readString(output.resolve(".metadata.json")))
        .contains("\"analysis\"", "\"count.txt\"", "\"done\"", "\"job_id\" : \"job1\"");
  }

  @Test
  void zipsInTheOutputGetTheirMemberCount() throws Exception {
    Path output;
    try (GearContext context = open(false)) {
      output = context.outputDir();
      try (var zip =
          new java.util.zip.ZipOutputStream(Files.newOutputStream(output.resolve("all.zip")))) {
        for (String name : new String[] {"a.txt", "b.txt", "c.txt"}) {
          zip.putNextEntry(new java.util.zip.ZipEntry(name));
          zip.closeEntry();
        }
      }
      context.succeeded();
    }
    assertThat(Files.readString(output.resolve(".metadata.json")))
        .contains("\"name\" : \"all.zip\"", "\"zip_member_count\" : 3");
  }

  @Test
  void aFailedRunWritesNoMetadataAndKeepsTheOutputByDefault() throws Exception {
    Path output;
    try (GearContext context = open(false)) {
      output = context.outputDir();
      Files.writeString(output.resolve("partial.txt"), "half");
      context.metadata().updateFile("partial.txt", Map.of("type", "text"));
      // no succeeded(): the gear threw
    }
    assertThat(output.resolve(".metadata.json")).doesNotExist();
    assertThat(output.resolve("partial.txt")).exists();
  }

  @Test
  void aFailedRunEmptiesTheOutputWhenAsked() throws Exception {
    Path output;
    try (GearContext context = open(true)) {
      output = context.outputDir();
      Files.createDirectories(output.resolve("sub"));
      Files.writeString(output.resolve("sub/partial.txt"), "half");
      Files.writeString(output.resolve("partial.txt"), "half");
    }
    assertThat(output).isEmptyDirectory();
  }

  @Test
  void aSuccessfulRunKeepsTheOutputEvenWhenCleaningIsOn() throws Exception {
    Path output;
    try (GearContext context = open(true)) {
      output = context.outputDir();
      Files.writeString(output.resolve("result.txt"), "all");
      context.succeeded();
    }
    assertThat(output.resolve("result.txt")).exists();
    assertThat(output.resolve(".metadata.json")).doesNotExist();
  }

  @Test
  void invalidMetadataFailsTheCloseAndWritesNothing() {
    GearContext context = open(false);
    context.metadata().updateFile("never-written.txt", Map.of("type", "text"));
    context.succeeded();

    assertThatThrownBy(context::close)
        .isInstanceOf(InvalidMetadataException.class)
        .hasMessageContaining("never-written.txt");
    assertThat(context.baseDir().resolve("output/.metadata.json")).doesNotExist();
  }
}
