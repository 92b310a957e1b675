package fwgear.tools.validate;

import static fwgear.tools.Fixtures.replace;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_BUILD;
import static fwgear.tools.validate.ValidateTestSupport.JAVA_MANIFEST;
import static fwgear.tools.validate.ValidateTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import fwgear.tools.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRulesTest {
  @TempDir Path dir;

  @Test
  void theFixturesPass() {
    assertThat(problems(Fixtures.REPOS.resolve("java"))).isEmpty();
    assertThat(problems(Fixtures.REPOS.resolve("python"))).isEmpty();
  }

  @Test
  void aManifestNameOtherThanTheTargetNameIsAnError() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root, JAVA_MANIFEST, "\"name\": \"project-management\"", "\"name\": \"project-manager\"");

    assertThat(problems(root))
        .containsExactly(
            JAVA_MANIFEST
                + ":2: name: image-name: name 'project-manager' differs from the docker_image target name"
                + " 'project-management' ("
                + JAVA_BUILD
                + ":3)");
  }

  @Test
  void aVersionBumpedOnlyInTheManifestBreaksTagAndBuilderImage() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_MANIFEST, "\"version\": \"0.0.1\"", "\"version\": \"0.0.2\"");

    assertThat(problems(root))
        .containsExactly(
            JAVA_BUILD
                + ":10: image_tags: image-version-tag: image_tags [0.0.1, latest] of"
                + " gears/project_management/src/docker:project-management do not hold the"
                + " manifest's version '0.0.2' ("
                + JAVA_MANIFEST
                + ":5)",
            JAVA_MANIFEST
                + ":14: custom.gear-builder.image: image-builder-image: custom.gear-builder.image"
                + " 'naccdata/project-management:0.0.1' should be naccdata/project-management:0.0.2:"
                + " its tag '0.0.1' is not the manifest's version '0.0.2'");
  }

  @Test
  void aBuilderImageInAnotherRepositoryNamesWhereTheRepositoryComesFrom() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_MANIFEST,
        "\"naccdata/project-management:0.0.1\"",
        "\"nacc/project-management:0.0.1\"");

    assertThat(problems(root))
        .singleElement()
        .asString()
        .contains("image-builder-image")
        .contains(
            "its repository 'nacc/project-management' is not 'naccdata/project-management' (from gear.toml default_repository)");
  }

  @Test
  void registriesWithPortsAreHandled() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        "gear.toml",
        "[docker]\n",
        "[docker.registries.local]\naddress = \"localhost:5000\"\ndefault = true\n[docker]\n");
    assertThat(problems(root))
        .singleElement()
        .asString()
        .contains("should be localhost:5000/naccdata/project-management:0.0.1")
        .contains("its registry '' is not one the image is pushed to [localhost:5000]");

    replace(
        root,
        JAVA_MANIFEST,
        "\"naccdata/project-management:0.0.1\"",
        "\"localhost:5000/naccdata/project-management:0.0.1\"");
    assertThat(problems(root)).isEmpty();
  }

  @Test
  void aMissingBuilderImageIsAnError() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_MANIFEST, "\"image\": \"naccdata/project-management:0.0.1\"", "\"x\": 1");
    assertThat(problems(root))
        .singleElement()
        .asString()
        .startsWith(
            JAVA_MANIFEST
                + ":14: custom.gear-builder.image: image-builder-image: custom.gear-builder.image is missing; it should be naccdata/project-management:0.0.1");
  }

  @Test
  void aSecondVersionTagIsAWarning() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_BUILD,
        "image_tags=[\"0.0.1\", \"latest\"]",
        "image_tags=[\"0.0.1\", \"0.0\", \"latest\"]");
    assertThat(problems(root))
        .containsExactly(
            JAVA_BUILD
                + ":10: image_tags: image-extra-tags: warning: image_tags hold [0.0] besides the version '0.0.1'"
                + " and latest; the seed tags an image with its version and latest only");
  }

  @Test
  void theImageMustDependOnTheManifestAndAnExistingBinary() {
    Path root = Fixtures.copy("java", dir);
    replace(root, JAVA_BUILD, "\":manifest\",", "");
    replace(root, JAVA_BUILD, "project_app:bin", "project_app:binary");

    assertThat(problems(root))
        .contains(
            JAVA_BUILD
                + ":6: dependencies: image-dependency-missing: gears/project_management/src/docker:project-management"
                + " depends on gears/project_management/src/java/project_app:binary, which no BUILD"
                + " file declares",
            JAVA_BUILD
                + ":6: dependencies: image-manifest-dependency: gears/project_management/src/docker:project-management"
                + " does not depend on a file target for its manifest, such as"
                + " file(name=\"manifest\", source=\"manifest.json\") and \":manifest\"",
            JAVA_BUILD
                + ":6: dependencies: image-binary-dependency: gears/project_management/src/docker:project-management"
                + " does not depend on a binary target (deploy_jar or pex_binary) to run");
  }

  @Test
  void anImageCannotDependOnSources() {
    Path root = Fixtures.copy("java", dir);
    replace(
        root,
        JAVA_BUILD,
        "\":manifest\",",
        "\":manifest\", \"gears/project_management/src/java/project_app\",");
    assertThat(problems(root))
        .singleElement()
        .asString()
        .contains("image-dependency-type")
        .contains("not on java_sources gears/project_management/src/java/project_app");
  }
}
