package project_app.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectFileTest {

  static final Path WORKED_EXAMPLE = Path.of("data/test-project.yaml");

  @Test
  void quotedNamesAndTagsAreUsedAsWritten() {
    ProjectFile.Contents contents =
        ProjectFile.parse(
            """
            project: "  Padded Study  "
            project-id: p
            centers:
              - {name: "  Padded Center  ", center-id: pad, is-active: true, tags: [" t1 "]}
            datatypes: [form]
            published: false
            """,
            "p.yaml");

    StudyDefinition study = contents.studies().get(0);
    assertThat(study.name()).isEqualTo("  Padded Study  ");
    assertThat(study.centers().get(0).name()).isEqualTo("  Padded Center  ");
    assertThat(study.centers().get(0).tags()).containsExactly(" t1 ");
  }

  @Test
  void anIdenticalCenterTwiceAndDatatypesDifferingInCaseAreMergedWithAWarning() {
    ProjectFile.Contents contents =
        ProjectFile.parse(
            """
            project: P
            project-id: p
            centers:
              - {name: Alpha, center-id: alpha, is-active: true, tags: [a]}
              - {name: Alpha, center-id: alpha, is-active: true, tags: [a]}
            datatypes: [FORM, form, dicom]
            published: false
            """,
            "p.yaml");

    StudyDefinition study = contents.studies().get(0);
    assertThat(study.centers()).extracting(CenterDefinition::centerId).containsExactly("alpha");
    assertThat(study.datatypes()).containsExactly("FORM", "dicom");
    assertThat(study.ingestLabel("FORM")).isEqualTo("ingest-form-p");
    assertThat(contents.warnings())
        .extracting(Problem::format)
        .containsExactly(
            "p.yaml:5: centers.1.center-id: duplicate: warning: center 'alpha' is listed twice,"
                + " the same both times (first on line 4); it is used once",
            "p.yaml:6: datatypes.1: duplicate: warning: datatype 'form' is listed twice"
                + " (datatypes are not case-sensitive); it is used once");
  }

  @Test
  void aCenterListedTwiceDifferentlyIsAnError() {
    List<String> problems =
        problems(
            """
            project: P
            project-id: p
            centers:
              - {name: Alpha, center-id: alpha, is-active: true, tags: [a]}
              - {name: Alpha, center-id: alpha, is-active: false, tags: [a]}
            datatypes: [form]
            published: false
            """);

    assertThat(problems)
        .containsExactly(
            "p.yaml:5: centers.1.center-id: duplicate: center 'alpha' is listed twice, differently"
                + " (first on line 4); list each center once");
  }

  @Test
  void aBinaryOrNonUtf8FileSaysSo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path binary = dir.resolve("p.yaml");
    java.nio.file.Files.write(binary, new byte[] {'a', ':', ' ', 1, 0, 2, '\n'});
    Path latin1 = dir.resolve("l.yaml");
    java.nio.file.Files.write(
        latin1,
        "project: P\nname: Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    assertThat(
            catchThrowableOfType(
                InvalidInputException.class, () -> ProjectFile.read(binary, "p.yaml")))
        .hasMessage("p.yaml:1: file-binary: is a binary file (a NUL byte at offset 4), not text");
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class, () -> ProjectFile.read(latin1, "l.yaml")))
        .hasMessage(
            "l.yaml:2: file-encoding: is not UTF-8 text: byte 0xE9 at offset 20 (save the file as"
                + " UTF-8)");
  }

  @Test
  void readsTheWorkedExample() {
    List<StudyDefinition> studies = ProjectFile.read(WORKED_EXAMPLE, "test-project.yaml").studies();

    assertThat(studies).extracting(StudyDefinition::projectId).containsExactly("tau", "zeta");
    StudyDefinition tau = studies.get(0);
    assertThat(tau.name()).isEqualTo("Project Tau");
    assertThat(tau.published()).isTrue();
    assertThat(tau.primary()).isFalse();
    assertThat(tau.datatypes()).containsExactly("form", "dicom");
    assertThat(tau.centers())
        .containsExactly(
            new CenterDefinition("Alpha Center", "alpha", true, List.of("center-code-1006"), 7),
            new CenterDefinition(
                "Beta Center", "beta-inactive", false, List.of("center-code-2006"), 12));
    assertThat(studies.get(1).published()).isFalse();
    assertThat(studies.get(1).centers())
        .extracting(CenterDefinition::centerId)
        .containsExactly("alpha", "gamma-adrc");
  }

  @Test
  void labelsFollowTheNamingRules() {
    StudyDefinition tau = study("tau", false);
    StudyDefinition primary = study("tau", true);

    assertThat(tau.ingestLabel("Form")).isEqualTo("ingest-form-tau");
    assertThat(tau.retrospectiveLabel("DICOM")).isEqualTo("retrospective-dicom-tau");
    assertThat(tau.acceptedLabel()).isEqualTo("accepted-tau");
    assertThat(primary.ingestLabel("form")).isEqualTo("ingest-form");
    assertThat(primary.acceptedLabel()).isEqualTo("accepted");
    assertThat(primary.releaseGroupId()).isEqualTo("release-tau");
    assertThat(primary.releaseGroupLabel()).isEqualTo("Project tau Release");
  }

  @Test
  void nullTagsAndAbsentPrimaryAreAllowed() {
    StudyDefinition study =
        ProjectFile.parse(
                """
                project: P
                project-id: p
                primary: true
                centers:
                  - {name: A, center-id: a1, is-active: true, tags: null}
                datatypes: [form]
                published: false
                """,
                "p.yaml")
            .studies()
            .get(0);

    assertThat(study.primary()).isTrue();
    assertThat(study.centers().get(0).tags()).isEmpty();
  }

  @Test
  void reportsEveryMissingKeyWithItsLine() {
    List<String> problems =
        problems(
            """
            project: Project Tau
            centers:
              - name: Alpha Center
                center-id: alpha
                tags: []
              - name: Beta Center
                is-active: false
                tags: []
            published: true
            """);

    assertThat(problems)
        .containsExactly(
            "p.yaml:1: project-id: required: is required (a text)",
            "p.yaml:1: datatypes: required: is required (a list)",
            "p.yaml:3: centers.0.is-active: required: is required (true or false)",
            "p.yaml:6: centers.1.center-id: required: is required (a text)");
  }

  @Test
  void reportsWrongTypesUnknownKeysAndBadIdsInEveryDocument() {
    List<String> problems =
        problems(
            """
            project: P
            project-id: p
            centers:
              - name: Alpha
                center-id: Alpha Center
                is-active: yes please
                tags: [ok, a/b]
                colour: red
            datatypes: [form, Form]
            published: maybe
            ---
            project: Q
            project-id: Q
            centers: none
            datatypes: []
            published: true
            """);

    assertThat(problems)
        .containsExactly(
            "p.yaml:5: centers.0.center-id: group-id: 'Alpha Center' is not a valid Flywheel group"
                + " id (2 to 32 lower case letters, digits and . @ _ -, starting and ending with a"
                + " letter or digit)",
            "p.yaml:6: centers.0.is-active: type: must be true or false, not 'yes please'",
            "p.yaml:7: centers.0.tags.1: tag: tag 'a/b' must be 1 to 32 characters without '/'",
            "p.yaml:8: centers.0.colour: unknown-key: unknown key; expected one of name,"
                + " center-id, is-active, tags",
            "p.yaml:9: datatypes.1: duplicate: warning: datatype 'Form' is listed twice (datatypes"
                + " are not case-sensitive); it is used once",
            "p.yaml:10: published: type: must be true or false, not 'maybe'",
            "p.yaml:13: project-id: group-id: the release group id 'release-Q' is not a valid"
                + " Flywheel group id (lower case letters, digits and . @ _ -, at most 32"
                + " characters)",
            "p.yaml:14: centers: type: must be a list",
            "p.yaml:15: datatypes: no-datatypes: warning: no datatypes: no ingest or"
                + " retrospective projects");
  }

  @Test
  void reportsDuplicateKeysAndConflictsAcrossDocuments() {
    List<String> problems =
        problems(
            """
            project: P
            project-id: p
            published: false
            published: true
            centers:
              - {name: Alpha, center-id: alpha, is-active: true, tags: []}
            datatypes: [form]
            ---
            project: Q
            project-id: p
            centers:
              - {name: Alpha Centre, center-id: alpha, is-active: true, tags: []}
              - {name: R, center-id: release-p, is-active: true, tags: []}
            datatypes: [form]
            published: false
            """);

    assertThat(problems)
        .containsExactly(
            "p.yaml:4: published: duplicate-key: appears more than once in its mapping, on line 3 and"
                + " again on line 4; only one may be given",
            "p.yaml:9: project-id: duplicate: 'p' is also the id of the study on line 1",
            "p.yaml:12: name: conflict: center 'alpha' is named 'Alpha' on line 6 and 'Alpha"
                + " Centre' here; a group has one label",
            "p.yaml:13: center-id: conflict: 'release-p' is also the release group of the study"
                + " on line 1");
  }

  @Test
  void syntaxErrorsAndEmptyFilesAreBadInput() {
    assertThat(problems("project: [P\ncenters: []\n"))
        .singleElement()
        .asString()
        .startsWith("p.yaml:2: syntax:");
    assertThat(problems("# nothing\n"))
        .containsExactly("p.yaml: empty: the file has no study documents");
    assertThat(problems("- project: P\n"))
        .containsExactly(
            "p.yaml:1: type: a study document must be a mapping of keys such as project, centers");
  }

  @Test
  void aMissingFileIsBadInput() {
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class,
                    () -> ProjectFile.read(Path.of("no/such.yaml"), "such.yaml"))
                .problems())
        .extracting(Problem::rule)
        .containsExactly("file-missing");
  }

  private static List<String> problems(String yaml) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> ProjectFile.parse(yaml, "p.yaml"));
    assertThat(e).as("problems expected").isNotNull();
    return e.problems().stream().map(Problem::format).toList();
  }

  private static StudyDefinition study(String id, boolean primary) {
    return new StudyDefinition("Project " + id, id, List.of(), List.of("form"), true, primary, 1);
  }
}
