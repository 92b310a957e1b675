package fwgear.tools.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gear demo user-management} on this repository: directory_pull turns the seed's REDCap
 * directory into the user file on nacc/project-admin, user_management runs on that very file, then
 * once more; the file is the worked example's {@code data/users.yaml} and the tree its result.
 */
class UserManagementDemoTest {

  @Test
  void directoryPullThenUserManagementOnTheUploadedFile() throws Exception {
    DemoRun run = DemoRun.of(DemoService.Demo.USER_MANAGEMENT);
    Path root = run.root();

    assertThat(run.exitCode()).as(run.both()).isZero();
    // The file user_management ran on is the one directory_pull uploaded: the worked example's.
    assertThat(run.err())
        .contains(
            "gear: user-management's input user_file is"
                + " nacc/project-admin/nacc-directory-users.yaml from the site");
    assertThat(root.resolve(DemoService.SITE_INPUTS).resolve("nacc-directory-users.yaml"))
        .hasSameTextualContentAs(root.resolve("gears/user_management/data/users.yaml"));
    String text = run.out();
    assertThat(text)
        .contains("Created 2 users and 0 groups and 0 projects; updated 1 user and 1 group and 6")
        .contains("Second run of user-management: 0 writes,")
        .contains(
            "── alpha \"Alpha ADRC\" [adcid-12] roles: admin+curate+read-only+upload access:"
                + " 0000-0001-0000-0001 ro, admin@nacc.example admin, carl@alpha.example ro")
        .containsPattern(
            "── ingest-form access: 0000-0001-0000-0001 upload,"
                + " carl@alpha.example curate\\+read-only")
        .contains("  0000-0001-0000-0001 alex@alpha.example (Alex Alpha)")
        .contains("  0000-0003-0000-0003 bea@beta.example (Bea Beta)")
        .doesNotContain("0000-0007-0000-0007 gil@")
        .doesNotContain("emulator-gearbot-key");
    assertThat(Files.exists(root.resolve(DemoService.SITE_INPUTS))).isTrue();
  }
}
