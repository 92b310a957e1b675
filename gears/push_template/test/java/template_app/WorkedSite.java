package template_app;

import fwgear.flywheel.FlywheelClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The site of the worked example: the template set of {@code data/templates-seed.yaml}, and the
 * center groups and projects project_management makes from {@code data/demo-project.yaml} (made
 * here through the REST client, without the project_management gear), plus a release group that is
 * no center.
 */
final class WorkedSite {
  static final Path SEED = Path.of("data/templates-seed.yaml");

  /** Center group id to its label, tags and project labels. */
  record CenterSpec(String id, String label, List<String> tags, List<String> projects) {}

  static final List<CenterSpec> CENTERS =
      List.of(
          new CenterSpec(
              "alpha",
              "Alpha Center",
              List.of("center-code-1006", "adcid-1006"),
              List.of(
                  "ingest-form-tau",
                  "ingest-dicom-tau",
                  "retrospective-form-tau",
                  "retrospective-dicom-tau",
                  "accepted-tau",
                  "metadata",
                  "ingest-form-zeta",
                  "retrospective-form-zeta",
                  "accepted-zeta")),
          new CenterSpec(
              "beta-inactive",
              "Beta Center",
              List.of("center-code-2006", "adcid-2006"),
              List.of(
                  "retrospective-form-tau", "retrospective-dicom-tau", "accepted-tau", "metadata")),
          new CenterSpec(
              "gamma-adrc",
              "Gamma ADRC",
              List.of("center-code-5006", "adcid-5006", "new-center"),
              List.of("ingest-form-zeta", "retrospective-form-zeta", "accepted-zeta", "metadata")));

  /** The template each pipeline project gets (none: absent). */
  static final Map<String, String> TEMPLATE_OF =
      Map.of(
          "ingest-form-tau", "form-ingest-template",
          "ingest-form-zeta", "form-ingest-template",
          "ingest-dicom-tau", "dicom-ingest-template",
          "retrospective-form-tau", "form-retrospective-template",
          "retrospective-form-zeta", "form-retrospective-template",
          "accepted-tau", "accepted-template",
          "accepted-zeta", "accepted-template");

  private WorkedSite() {}

  static void create(FlywheelClient client) {
    for (CenterSpec center : CENTERS) {
      client.createGroup(center.id(), center.label());
      center.tags().forEach(tag -> client.addGroupTag(center.id(), tag));
      for (String label : center.projects()) {
        client.createProject(center.id(), label, null);
      }
    }
    client.createGroup("release-tau", "Project Tau Release");
    client.createProject("release-tau", "master-project", null);
  }
}
