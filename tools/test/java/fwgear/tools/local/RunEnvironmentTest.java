package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.tools.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {
  @TempDir Path temp;

  @Test
  void theCallersAwsSettingsThenEnvFilesThenEnvOptionsAndNothingElse() throws Exception {
    Path file = temp.resolve("aws.env");
    Files.writeString(
        file,
        "# the local Flywheel\n\nexport AWS_ENDPOINT_URL_S3=http://127.0.0.1:9000\n"
            + "AWS_DEFAULT_REGION='us-west-2'\nEXTRA=\"a b\"\n");
    Map<String, String> caller =
        Map.of(
            "AWS_ACCESS_KEY_ID", "AKIA1",
            "AWS_DEFAULT_REGION", "us-east-1",
            "HOME", "/root",
            "FW_API_KEY", "secret");

    Map<String, String> env =
        RunEnvironment.of(caller, List.of(file), List.of("EXTRA=from-option", "AWS_REGION=eu"));

    assertThat(env)
        .containsOnly(
            Map.entry("AWS_ACCESS_KEY_ID", "AKIA1"),
            Map.entry("AWS_DEFAULT_REGION", "us-west-2"),
            Map.entry("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000"),
            Map.entry("EXTRA", "from-option"),
            Map.entry("AWS_REGION", "eu"));
  }

  @Test
  void aBadLineNamesFileAndLine() throws Exception {
    Path file = temp.resolve("bad.env");
    Files.writeString(file, "A=1\nnot an assignment\n");

    assertThatThrownBy(() -> RunEnvironment.of(Map.of(), List.of(file), List.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage(file + ":2: expected NAME=VALUE");
    assertThatThrownBy(() -> RunEnvironment.of(Map.of(), List.of(), List.of("1A=x")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--env 1A=...: expected NAME=VALUE");
    assertThatThrownBy(
            () -> RunEnvironment.of(Map.of(), List.of(temp.resolve("none.env")), List.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("none.env: cannot read it");
  }
}
