package fwgear.tools.scaffold;

import fwgear.tools.ExitCode;
import fwgear.tools.RepositoryOption;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./gear new}: scaffolds a gear from the repository's template. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a gear from templates/gear: the seed's layout under gears/<module>, its Maven module"
          + " registered in pom.xml, and docs/<module>/{index.md, CHANGELOG.md}.",
      "Asks each question with a default (Enter takes it); every question is also a flag, and"
          + " --yes takes the defaults of the questions not given.",
      "A bad name, or a gear that exists, is refused with the reason and nothing is written."
    })
public final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RepositoryOption repository;

  @Option(names = "--gear-name", paramLabel = "TEXT", description = "The gear's name (label).")
  String gearName;

  @Option(names = "--description", paramLabel = "TEXT", description = "One line about the gear.")
  String description;

  @Option(
      names = "--package-name",
      paramLabel = "NAME",
      description = "Manifest and image name (default: from the gear name, zebra-sync).")
  String packageName;

  @Option(
      names = "--module-name",
      paramLabel = "NAME",
      description = "Folder under gears/ and docs/ (default: from the gear name, zebra_sync).")
  String moduleName;

  @Option(
      names = "--app-name",
      paramLabel = "NAME",
      description = "Java package of Run and Main (default: <module>_app).")
  String appName;

  @Option(
      names = "--class-name",
      paramLabel = "NAME",
      description = "Java class name stem (default: from the gear name, ZebraSync).")
  String className;

  @Option(
      names = "--image-tag",
      paramLabel = "VERSION",
      description = "The first version and image tag (default: 0.0.1).")
  String imageTag;

  @Option(names = "--author", paramLabel = "TEXT", description = "Manifest author.")
  String author;

  @Option(names = "--maintainer", paramLabel = "TEXT", description = "Manifest maintainer.")
  String maintainer;

  @Option(
      names = {"-y", "--yes"},
      description = "Take the defaults of the questions not given as flags (for scripts).")
  boolean yes;

  @Override
  public Integer call() {
    Path root = repository.root();
    PrintWriter out = spec.commandLine().getOut();
    Map<Question, String> given = new EnumMap<>(Question.class);
    put(given, Question.GEAR_NAME, gearName);
    put(given, Question.DESCRIPTION, description);
    put(given, Question.PACKAGE_NAME, packageName);
    put(given, Question.MODULE_NAME, moduleName);
    put(given, Question.APP_NAME, appName);
    put(given, Question.CLASS_NAME, className);
    put(given, Question.IMAGE_TAG, imageTag);
    put(given, Question.AUTHOR, author);
    put(given, Question.MAINTAINER, maintainer);

    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    GearAnswers answers = new Interview(given, yes, in, out).run();
    Optional<Path> gearHome = Optional.ofNullable(System.getProperty("gear.home")).map(Path::of);
    GearScaffolder scaffolder =
        new GearScaffolder(
            root, GearScaffolder.findTemplates(root, gearHome), LocalDate.now(), System.getenv());
    GearScaffolder.Plan plan = scaffolder.plan(answers);
    scaffolder.write(plan);

    String folder = "gears/" + answers.moduleName();
    out.println(
        "Created the gear "
            + answers.packageName()
            + " in "
            + folder
            + " ("
            + plan.files().size()
            + " files, docs in docs/"
            + answers.moduleName()
            + "), registered the Maven module "
            + folder
            + " in pom.xml.");
    out.println("Next: ./gear validate " + folder + "::   ./gear package " + folder + "::");
    return ExitCode.OK.code();
  }

  private static void put(Map<Question, String> given, Question question, String value) {
    if (value != null) {
      given.put(question, value);
    }
  }
}
