package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's main job on this repository: project_management, packaged as ./gear run does, run
 * with the worked example against a local Flywheel server, and the tree read back from it.
 */
class ProjectManagementDemoTest {

  @Test
  void theTreeIsTheWorkedExample() {
    DemoRun run = DemoRun.of(DemoService.Demo.PROJECT_MANAGEMENT);

    assertThat(run.exitCode()).as(run.err()).isZero();
    String tree = run.out();
    assertThat(tree)
        .containsPattern("Flywheel at http://127.0.0.1:\\d+/api: 5 groups, 18 projects")
        .contains("── alpha \"Alpha Center\" [center-code-1006] roles: curate+upload access: ")
        .contains("── beta-inactive \"Beta Center\" [center-code-2006] roles: curate+upload")
        .contains("── gamma-adrc \"Gamma ADRC\" [center-code-5006] roles: curate+upload")
        .contains("── release-tau \"Project Tau Release\" access: ")
        .contains("│   ├── ingest-dicom-tau [center-code-1006]")
        .contains("│   ├── retrospective-dicom-tau [center-code-2006]")
        .contains("│   └── retrospective-form-zeta [center-code-5006]")
        .containsPattern("── master-project access: .*reader@nacc.example admin");
    // The inactive center gets no ingest projects; the unpublished study no release group.
    assertThat(tree).doesNotContain("release-zeta");
    assertThat(between(tree, "beta-inactive", "gamma-adrc")).doesNotContain("ingest-");
    assertThat(run.out() + run.err()).doesNotContainPattern("127\\.0\\.0\\.1:\\d+:[^*\\s\"]");
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf("── " + from);
    return text.substring(start, text.indexOf("── " + to, start));
  }
}
