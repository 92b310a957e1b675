package fwgear.tools.validate;

import fwgear.problem.Problem;
import fwgear.tools.buildfile.DockerImage;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Gears;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.buildfile.Specs;
import fwgear.tools.buildfile.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks the gears of a repository: for each docker_image the specs select, its manifest, BUILD
 * targets, Dockerfile, code and .gitignore (rule groups 1 to 5, see docs/validate.md).
 */
public final class GearValidator {
  private final List<Rule> rules;
  private final CodeRules code;

  /** A validator that writes nothing (upload's checks). */
  public GearValidator() {
    this(false);
  }

  /**
   * @param cacheScans whether the scans of the gears' sources are kept in {@code
   *     dist/.gear/source-scans.json} for the next run
   */
  public GearValidator(boolean cacheScans) {
    code = new CodeRules(cacheScans);
    this.rules =
        List.of(
            new ManifestRules(),
            new ImageRules(),
            new DockerfileRules(code),
            code,
            new GitignoreRules());
  }

  /**
   * The result of validating some gears.
   *
   * @param gears the gears checked, by folder
   * @param skipped the gears not checked, each with the reason
   * @param problems what loading the repository and checking the gears found
   */
  public record Result(List<String> gears, List<Skipped> skipped, List<Problem> problems) {
    public Result(List<String> gears, List<Problem> problems) {
      this(gears, List.of(), problems);
    }

    public long errors() {
      return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
      return problems.size() - errors();
    }
  }

  /** A gear that was not checked, and why. */
  public record Skipped(String gear, String reason) {
    public String format() {
      return gear + ": skipped: " + reason;
    }
  }

  public Result validate(Repository repository, Specs specs) {
    // One thread for the checks (in a short-lived JVM, more cost more in JIT warm-up than they
    // save), and one that reads the gears' sources meanwhile (JavaParser's warm-up).
    List<String> checked = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<Problem> problems = new ArrayList<>(repository.warnings());
    List<Gear> gears = Gears.of(repository).all(specs);
    code.prefetch(repository, gears.stream().map(Gear::folder).toList());
    for (Gear gear : gears) {
      String name = gear.folder().isEmpty() ? gear.image().address().toString() : gear.folder();
      Optional<Target> unknown = repository.unknownTypeDependency(gear.image().target());
      if (unknown.isPresent()) {
        skipped.add(
            new Skipped(
                name,
                "its docker_image depends on "
                    + unknown.get().address()
                    + ", of unknown type '"
                    + unknown.get().typeName()
                    + "' ("
                    + unknown.get().buildFile()
                    + ":"
                    + unknown.get().line()
                    + ")"));
        continue;
      }
      checked.add(name);
      problems.addAll(check(gear));
    }
    code.saveScans();
    return new Result(checked, skipped, problems);
  }

  private List<Problem> check(Gear gear) {
    List<Problem> found = new ArrayList<>(readProblems(gear));
    for (Rule rule : rules) {
      rule.check(gear, found);
    }
    found.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return found;
  }

  /**
   * What keeps the gear's parts from being read, reported once (the rules that need a part skip
   * it): an unreadable manifest, a missing or unreadable Dockerfile.
   */
  private static List<Problem> readProblems(Gear gear) {
    List<Problem> problems = new ArrayList<>();
    gear.manifestDocument().problems().stream()
        .map(p -> withRule(p, "manifest-" + p.rule()))
        .forEach(problems::add);
    DockerImage image = gear.image();
    for (Problem p : gear.context().problems()) {
      if (p.rule().startsWith("dockerfile-")) {
        problems.add(
            new Problem(
                image.target().buildFile(),
                image.target().lineOf("source"),
                "source",
                DockerfileRules.MISSING,
                p.severity(),
                image.address() + ": " + image.dockerfile() + ": " + p.message()));
      }
      // A file target's missing source shows as the COPY of it that fails (or the manifest's).
    }
    return problems;
  }

  private static Problem withRule(Problem problem, String rule) {
    return new Problem(
        problem.file(), problem.line(), problem.key(), rule, problem.severity(), problem.message());
  }
}
