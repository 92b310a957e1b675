package fwgear.tools.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import fwgear.tools.TargetSpecs;
import fwgear.tools.buildfile.Repository;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./gear validate [specs]}: checks that each gear's BUILD, manifest, Dockerfile and code
 * agree.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "validate",
    description = {
      "Checks each gear whose docker_image the specs select:",
      "  1. the manifest against every rule of the Flywheel gear spec;",
      "  2. manifest vs. BUILD: name, version, image tags, gear-builder image;",
      "  3. the Dockerfile: copies, command, entry point, base image, environment;",
      "  4. the code: main class or entry point, config and input names read;",
      "  5. src/docker/.gitignore lists config.json.",
      "Prints path:line: rule-id: message per problem, then a summary line.",
      "Rules and their ids: docs/validate.md."
    },
    footer = {
      "",
      "Exit codes: 0 no errors (nor warnings, with --strict); 1 problems found in",
      "the gears; 2 bad usage, or BUILD files or gear.toml that cannot be read (their",
      "problems are printed and no gear is checked)."
    })
public final class ValidateCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format {
    text,
    json
  }

  @Mixin RepositoryOption repository;

  @Mixin TargetSpecs specs;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format (default: text).")
  Format format = Format.text;

  @Option(names = "--strict", description = "Warnings fail the check too.")
  boolean strict;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    GearValidator.Result result;
    boolean unreadable = false;
    try {
      Repository repo = Repository.load(repository.root(), System.getenv());
      // The scans of unchanged sources are kept for the next run (fwgear.scan-cache=false: not).
      boolean cache = !"false".equals(System.getProperty("fwgear.scan-cache"));
      result = new GearValidator(cache).validate(repo, specs.parse(repo));
    } catch (InvalidInputException e) {
      // BUILD files or settings that cannot be read: bad input (exit 2, as list, peek and package
      // give), reported in validate's own format so that --format json still parses.
      result = new GearValidator.Result(List.of(), e.problems());
      unreadable = true;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(json(result));
    } else {
      result.problems().forEach(p -> out.println(p.format()));
      result.skipped().forEach(s -> out.println(s.format()));
      out.println(summary(result));
    }
    out.flush();
    if (unreadable) {
      return ExitCode.BAD_INPUT.code();
    }
    boolean failed = result.errors() > 0 || (strict && result.warnings() > 0);
    return (failed ? ExitCode.FAILED : ExitCode.OK).code();
  }

  /**
   * {@code validate: 0 errors, 1 warning in 37 gears}, then how many were skipped and why ({@code ;
   * 1 skipped: it depends on a target of unknown type}).
   */
  static String summary(GearValidator.Result result) {
    int gears = result.gears().size();
    int skipped = result.skipped().size();
    return "validate: "
        + plural(result.errors(), "error")
        + ", "
        + plural(result.warnings(), "warning")
        + " in "
        + plural(gears, "gear")
        + (skipped == 0
            ? ""
            : "; "
                + skipped
                + " skipped: "
                + (skipped == 1 ? "it depends" : "they depend")
                + " on a target of unknown type");
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String json(GearValidator.Result result) throws JsonProcessingException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gears", result.gears());
    out.put(
        "skipped",
        result.skipped().stream()
            .map(s -> Map.of("gear", s.gear(), "reason", s.reason()))
            .toList());
    out.put("errors", result.errors());
    out.put("warnings", result.warnings());
    out.put(
        "problems",
        result.problems().stream()
            .map(
                (Problem p) -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("file", p.file());
                  entry.put("line", p.line());
                  entry.put("rule", p.rule());
                  entry.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
                  entry.put("key", p.key());
                  entry.put("message", p.message());
                  return entry;
                })
            .toList());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
  }
}
