package fwgear.context;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.problem.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GearArgumentsTest {

  @Test
  void readsOptionsInBothFormsAndAssignmentsInOrder() {
    GearArguments args =
        GearArguments.parse(
            new String[] {
              "--gear-path",
              "/tmp/g",
              "--config-path=/tmp/c.json",
              "--manifest-path",
              "m.json",
              "--destination=abc:analysis",
              "--api-key-file",
              "key.txt",
              "--api-key-env=MY_KEY",
              "--debug",
              "speed=3",
              "center=a=b"
            });

    assertThat(args.problems()).isEmpty();
    assertThat(args.gearPath()).contains(Path.of("/tmp/g"));
    assertThat(args.configPath()).contains(Path.of("/tmp/c.json"));
    assertThat(args.manifestPath()).contains(Path.of("m.json"));
    assertThat(args.destination()).contains("abc:analysis");
    assertThat(args.apiKeyFile()).contains(Path.of("key.txt"));
    assertThat(args.apiKeyEnv()).contains("MY_KEY");
    assertThat(args.debug()).isTrue();
    assertThat(args.assignments())
        .containsExactly(
            new GearArguments.Assignment("speed", "3"),
            new GearArguments.Assignment("center", "a=b"));
  }

  @Test
  void refusesAnApiKeyArgumentWithoutRepeatingIt() {
    GearArguments args =
        GearArguments.parse(
            new String[] {"--api-key", "host:topsecret", "--api-key=host:s3cr3tvalue"});

    assertThat(args.problems())
        .extracting(Problem::rule)
        .containsExactly("argument-api-key", "argument-api-key");
    assertThat(args.problems())
        .allSatisfy(p -> assertThat(p.format()).doesNotContain("topsecret", "s3cr3tvalue"));
    assertThat(args.assignments()).isEmpty();
  }

  @Test
  void reportsEveryBadArgument() {
    GearArguments args =
        GearArguments.parse(new String[] {"--colour", "red", "loose", "--destination"});

    assertThat(args.problems())
        .extracting(Problem::key, Problem::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("--colour", "argument-unknown"),
            org.assertj.core.groups.Tuple.tuple("loose", "argument-unknown"),
            org.assertj.core.groups.Tuple.tuple("--destination", "argument-value"));
    assertThat(GearArguments.wantsDebug(new String[] {"x=1", "--debug"})).isTrue();
    assertThat(GearArguments.wantsDebug(new String[] {"x=1"})).isFalse();
  }
}
