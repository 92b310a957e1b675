package fwgear.tools.buildfile;

import static fwgear.tools.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import fwgear.tools.Fixtures;
import fwgear.tools.UsageException;
import fwgear.tools.buildfile.Target.DeployJarTarget;
import fwgear.tools.buildfile.Target.DockerImageTarget;
import fwgear.tools.buildfile.Target.OpaqueTarget;
import fwgear.tools.buildfile.Target.PexBinaryTarget;
import fwgear.tools.buildfile.Target.PythonSourcesTarget;
import fwgear.tools.buildfile.Target.UnknownTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryTest {
  @TempDir Path dir;

  @Test
  void loadsTheJavaFixtureWithDefaultsAndResolvedImageNames() {
    Repository repository = Repository.load(Fixtures.REPOS.resolve("java"), Map.of());

    assertThat(repository.targets(Specs.ALL).stream().map(t -> t.address().toString()))
        .containsExactly(
            "gears/project_management/src/docker:manifest",
            "gears/project_management/src/docker:project-management",
            "gears/project_management/src/java/project_app:bin",
            "gears/project_management/src/java/project_app",
            "gears/project_management/test/java/project_app:tests");
    DockerImageTarget image =
        (DockerImageTarget)
            repository.require(
                Address.parse("gears/project_management/src/docker:project-management", ""));
    assertThat(image.buildPlatform().value()).containsExactly("linux/amd64");
    DockerImage docker = repository.dockerImage(image);
    assertThat(docker.repository()).isEqualTo("naccdata/project-management");
    assertThat(docker.imageNames())
        .containsExactly("naccdata/project-management:0.0.1", "naccdata/project-management:latest");
    assertThat(docker.dockerfile()).isEqualTo("gears/project_management/src/docker/Dockerfile");
    assertThat(docker.buildArgs()).containsExactly("BASE_IMAGE=eclipse-temurin:17-jre");
    DeployJarTarget bin =
        (DeployJarTarget)
            repository.require(
                Address.parse("gears/project_management/src/java/project_app:bin", ""));
    assertThat(bin.outputPath()).isEqualTo("gears.project_management.src.java.project_app/bin.jar");
    assertThat(bin.main().value()).isEqualTo("project_app.Run");
    assertThat(bin.main().where())
        .isEqualTo("gears/project_management/src/java/project_app/BUILD:" + bin.lineOf("main"));
  }

  @Test
  void loadsThePythonFixtureFromPantsToml() {
    Repository repository = Repository.load(Fixtures.REPOS.resolve("python"), Map.of());

    assertThat(repository.settings().file()).contains("pants.toml");
    PexBinaryTarget pex =
        (PexBinaryTarget)
            repository.require(Address.parse("project_management/src/python/project_app:bin", ""));
    assertThat(pex.outputPath()).isEqualTo("project_management.src.python.project_app/bin.pex");
    assertThat(pex.fields().get("complete_platforms")).isEqualTo(List.of("//:linux_x86_py312"));
    assertThat(repository.require(Address.parse("common/src/python/inputs", "")))
        .isInstanceOf(PythonSourcesTarget.class);
    Gear gear = Gears.of(repository).resolve("project_management");
    assertThat(gear.name()).isEqualTo("project-management");
    assertThat(gear.manifestPath()).isEqualTo("project_management/src/docker/manifest.json");
    assertThat(gear.binary().map(Target::address))
        .contains(Address.parse("project_management/src/python/project_app:bin", ""));
    assertThat(gear.image().imageNames()).contains("naccdata/project-management:0.0.1");
  }

  @Test
  void resolvesGearsByFolderTargetNameOrManifestName() {
    Path root = Fixtures.copy("java", dir);
    Fixtures.replace(
        root,
        "gears/project_management/src/docker/manifest.json",
        "\"name\": \"project-management\"",
        "\"name\": \"pm\"");
    Gears gears = Gears.of(Repository.load(root, Map.of()));

    assertThat(gears.resolve("gears/project_management/").folder())
        .isEqualTo("gears/project_management");
    assertThat(gears.resolve("project-management").folder()).isEqualTo("gears/project_management");
    assertThat(gears.resolve("pm").folder()).isEqualTo("gears/project_management");
    assertThatThrownBy(() -> gears.resolve("nope"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("known gears: gears/project_management (project-management)");
  }

  @Test
  void unknownFieldsListTheKnownOnesAndEveryProblemIsReported() {
    write(dir, "gear.toml", "");
    write(dir, "a/BUILD", "jar_thing(name='x')\nfile(name='m', source='m.json', colour='red')\n");
    write(dir, "b/BUILD", "deploy_jar(name='bin')\nfile(name='m', source=['m.json'])\n");

    assertThatThrownBy(() -> Repository.load(dir, Map.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::format))
                    .containsExactly(
                        "a/BUILD:1: build-target-unknown: warning: unknown target type"
                            + " 'jar_thing': not a Pants built-in type (a plugin's or a macro?);"
                            + " targets that depend on it are not checked",
                        "a/BUILD:2: colour: build-target: unknown field 'colour' of file; known fields:"
                            + " name, description, tags, dependencies, source",
                        "b/BUILD:1: main: build-target: deploy_jar needs the field 'main'",
                        "b/BUILD:2: source: build-target: file.source must be a string, not list"
                            + " [\"m.json\"]"));
  }

  @Test
  void pantsBuiltInTypesLoadAsOpaqueTargetsWithTheirFieldsUnchecked() {
    write(dir, "gear.toml", "");
    write(
        dir,
        "tooling/BUILD",
        """
        run_shell_command(name="gen", command="./gen.sh", workdir="/", execution_dependencies=[":scripts"])
        experimental_wrap_as_python_sources(name="wrapped", inputs=[":gen"])
        shell_sources(name="scripts")
        adhoc_tool(name="tool", runnable=":scripts", args=["--x"], log_output=True)
        __dependencies_rules__(("*", "*"))
        """);
    write(
        dir,
        "lib/BUILD",
        """
        python_sources(name="lib")
        python_distribution(
            name="dist",
            dependencies=[":lib"],
            provides=python_artifact(name="nacc-lib", version="1.0"),
            wheel=True,
            sdist=False,
        )
        archive(name="bundle", format="zip", files=[":lib"])
        poetry_requirements(name="poetry")
        """);

    Repository repository = Repository.load(dir, Map.of());

    assertThat(repository.warnings()).isEmpty();
    Target dist = repository.require(new Address("lib", "dist"));
    assertThat(dist).isInstanceOf(OpaqueTarget.class);
    assertThat(dist.targetType().opaque()).isTrue();
    assertThat(dist.targetType().backend()).isEqualTo("python");
    assertThat(dist.dependencies()).containsExactly(new Address("lib", "lib"));
    assertThat(dist.fields()).containsKeys("provides", "wheel", "sdist");
    assertThat(repository.require(new Address("tooling", "gen")).targetType().backend())
        .isEqualTo("shell");
    assertThat(repository.unknownTypeDependency(dist)).isEmpty();
  }

  @Test
  void aTypeThatIsNotBuiltInIsOneWarningAndMarksOnlyWhatDependsOnIt() {
    write(dir, "gear.toml", "");
    write(
        dir,
        "lib/BUILD",
        "nacc_macro(name='made', sources=['*.py'])\npython_sources(name='lib', dependencies=[':made'])\npython_sources(name='other')\n");
    write(dir, "app/BUILD", "pex_binary(name='bin', dependencies=['lib:lib'])\n");

    Repository repository = Repository.load(dir, Map.of());

    assertThat(repository.warnings().stream().map(Problem::format))
        .containsExactly(
            "lib/BUILD:1: build-target-unknown: warning: unknown target type 'nacc_macro': not a"
                + " Pants built-in type (a plugin's or a macro?); targets that depend on it are not"
                + " checked");
    Target made = repository.require(new Address("lib", "made"));
    assertThat(made).isInstanceOf(UnknownTarget.class);
    assertThat(repository.unknownTypeDependency(repository.require(new Address("app", "bin"))))
        .contains(made);
    assertThat(repository.unknownTypeDependency(repository.require(new Address("lib", "other"))))
        .isEmpty();
  }

  @Test
  void aMisspelledTypeNamesTheClosestKnownOne() {
    write(dir, "gear.toml", "");
    write(dir, "a/BUILD", "docker_imag(name='x')\n");
    assertThat(Repository.load(dir, Map.of()).warnings().get(0).message())
        .startsWith("unknown target type 'docker_imag' (did you mean docker_image?)");
  }

  @Test
  void pantsIgnoreGlobsAndTheRootGitignoreHideBuildFiles() {
    write(
        dir,
        "pants.toml",
        "[GLOBAL]\npants_ignore.add = [\"comanage/*\", \"!comanage/keep/\", \"*.bak/\"]\n");
    write(dir, ".gitignore", "scratch/\n");
    for (String folder :
        List.of(
            "comanage/x",
            "comanage/keep",
            "lib/old.bak",
            "scratch",
            "lib/scratch",
            "lib",
            "dist/x",
            "dist")) {
      write(dir, folder + "/BUILD", "target(name='t')\n");
    }

    assertThat(Repository.load(dir, Map.of()).targets().stream().map(t -> t.directory()))
        .containsExactly("comanage/keep", "lib");
    write(dir, "pants.toml", "[GLOBAL]\npants_ignore_use_gitignore = false\n");
    assertThat(Repository.load(dir, Map.of()).targets().stream().map(t -> t.directory()))
        .contains("scratch", "lib/scratch");
  }

  @Test
  void generatedTargetAddressesResolveToTheirGenerator() {
    write(dir, "gear.toml", "");
    write(dir, "BUILD", "python_requirements(name='reqs')\n");
    Repository repository = Repository.load(dir, Map.of());
    assertThat(repository.target(Address.parse("//:reqs#requests", "")).map(Target::name))
        .contains("reqs");
  }

  @Test
  void aTargetWithoutANameTakesItsFoldersAndDuplicatesAreErrors() {
    write(dir, "gear.toml", "");
    write(dir, "src/java/app/BUILD", "java_sources()\n");
    assertThat(Repository.load(dir, Map.of()).target(new Address("src/java/app", "app")))
        .isPresent();

    write(dir, "src/java/app/BUILD", "java_sources()\njava_sources(name='app')\n");
    assertThatThrownBy(() -> Repository.load(dir, Map.of()))
        .hasMessage(
            "src/java/app/BUILD:2: name: build-target: two targets are named 'app' (the other at line 1)");
  }

  @Test
  void defaultsFlowDownAndExtendOrReplace() {
    write(dir, "gear.toml", "");
    write(dir, "BUILD", "__defaults__(all=dict(tags=['all']))\n");
    write(
        dir,
        "a/BUILD",
        "__defaults__({docker_image: dict(image_tags=['1'])}, extend=True)\ndocker_image(name='i')\nfile(name='f', source='x')\n");
    write(dir, "a/b/BUILD", "docker_image(name='j', image_tags=['2'])\n");
    write(dir, "a/A/BUILD", "docker_image(name='k')\n"); // sorts before a/BUILD as a file path

    Repository repository = Repository.load(dir, Map.of());
    DockerImageTarget i = (DockerImageTarget) repository.require(new Address("a", "i"));
    assertThat(i.fields().get("tags")).isEqualTo(List.of("all"));
    assertThat(i.imageTags().orElseThrow().value()).containsExactly("1");
    assertThat(repository.require(new Address("a", "f")).fields().get("tags"))
        .isEqualTo(List.of("all"));
    DockerImageTarget j = (DockerImageTarget) repository.require(new Address("a/b", "j"));
    assertThat(j.imageTags().orElseThrow().value()).containsExactly("2");
    assertThat(j.fields().get("tags")).isEqualTo(List.of("all"));
    DockerImageTarget k = (DockerImageTarget) repository.require(new Address("a/A", "k"));
    assertThat(k.imageTags().orElseThrow().value()).containsExactly("1");
    // A default's value is located at the target, where no field is written.
    assertThat(k.imageTags().orElseThrow().line()).isEqualTo(k.line());
  }

  @Test
  void registriesTemplatesAndBuildArgsResolveImageNames() {
    write(
        dir,
        "gear.toml",
        """
        [docker]
        default_repository = "{parent_directory}/{directory}/{name}"
        build_args = ["VERSION=7"]
        [docker.registries.company]
        address = "registry.example.com:5000"
        default = true
        [docker.registries.other]
        address = "other.example.com"
        """);
    write(
        dir,
        "team/img/BUILD",
        "docker_image(name='x', image_tags=['{build_args.VERSION}', 'latest'])\ndocker_image(name='y', registries=['@other'], repository='fixed/{name}')\n");

    Repository repository = Repository.load(dir, Map.of());
    DockerImage x =
        repository.dockerImage(
            (DockerImageTarget) repository.require(new Address("team/img", "x")));
    assertThat(x.repository()).isEqualTo("team/img/x");
    assertThat(x.imageNames())
        .containsExactly(
            "registry.example.com:5000/team/img/x:7",
            "registry.example.com:5000/team/img/x:latest");
    DockerImage y =
        repository.dockerImage(
            (DockerImageTarget) repository.require(new Address("team/img", "y")));
    assertThat(y.imageNames()).containsExactly("other.example.com/fixed/y:latest");
  }

  @Test
  void specsNamingNothingAreUsageErrors() {
    Repository repository = Repository.load(Fixtures.REPOS.resolve("java"), Map.of());
    assertThatThrownBy(
            () ->
                repository.targets(
                    Specs.parse(List.of("gears/project_management/src/docker:nope"))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("targets there: gears/project_management/src/docker:manifest");
    assertThatThrownBy(() -> repository.targets(Specs.parse(List.of("no/such::"))))
        .hasMessageContaining("no such folder: no/such");
    assertThatThrownBy(
            () ->
                repository.targets(
                    Specs.parse(List.of("gears/project_management/src/docker/Dockerfile"))))
        .hasMessage(
            "gears/project_management/src/docker/Dockerfile is a file; specs name targets: give its folder (gears/project_management/src/docker) or a target in it");
    assertThatThrownBy(() -> repository.targets(Specs.parse(List.of("gears/project_management"))))
        .hasMessage(
            "no targets in gears/project_management (its subfolders have some: gears/project_management::)");
  }

  @Test
  void anEmptyRepositoryHasNoTargets() {
    write(dir, "gear.toml", "");
    assertThat(Repository.load(dir, Map.of()).targets(Specs.ALL)).isEmpty();
  }

  @Test
  void badDefaultsAreReportedWithTheKnownTypesAndFields() {
    write(dir, "gear.toml", "");
    write(
        dir,
        "BUILD",
        "__defaults__({jar: dict(a=1), docker_image: dict(colour='red', image_tags='1')}, bogus=1)\n");

    assertThatThrownBy(() -> Repository.load(dir, Map.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::message))
                    .containsExactlyInAnyOrder(
                        "unknown argument of __defaults__: bogus; known: all, extend, ignore_unknown_fields",
                        "unknown target type 'jar': not a Pants built-in type (a plugin's or a"
                            + " macro?); its defaults are not applied",
                        BuildFileLoader.unknownField(
                            TargetTypes.find("docker_image").orElseThrow(), "colour"),
                        "docker_image.image_tags must be a list of strings, as in [\"1\"]"));
  }

  @Test
  void envCallsTakeTheEnvironmentOrTheDefault() {
    write(dir, "gear.toml", "");
    write(
        dir,
        "a/BUILD",
        "docker_image(name='i', image_tags=[env('GEAR_TEST_UNSET_VARIABLE', '9'), 'latest'])\n");
    Address i = new Address("a", "i");
    assertThat(
            ((DockerImageTarget) Repository.load(dir, Map.of()).require(i))
                .imageTags()
                .orElseThrow()
                .value())
        .containsExactly("9", "latest");
    assertThat(
            ((DockerImageTarget)
                    Repository.load(dir, Map.of("GEAR_TEST_UNSET_VARIABLE", "3")).require(i))
                .imageTags()
                .orElseThrow()
                .value())
        .containsExactly("3", "latest");
  }

  @Test
  void bareBuildArgsTakeTheEnvironmentTheRepositoryIsLoadedWith() {
    write(dir, "gear.toml", "[docker]\nbuild_args = [\"BASE_IMAGE\", \"TAG=1\"]\n");
    write(dir, "a/BUILD", "docker_image(name='i', extra_build_args=['UNSET'])\n");
    Address i = new Address("a", "i");

    Repository without = Repository.load(dir, Map.of());
    assertThat(without.dockerImage((DockerImageTarget) without.require(i)).buildArgValues())
        .containsExactly(Map.entry("TAG", "1"));
    Repository with = Repository.load(dir, Map.of("BASE_IMAGE", "local/base:1", "UNSET", "x"));
    assertThat(with.dockerImage((DockerImageTarget) with.require(i)).buildArgValues())
        .containsExactly(
            Map.entry("BASE_IMAGE", "local/base:1"),
            Map.entry("TAG", "1"),
            Map.entry("UNSET", "x"));
  }
}
