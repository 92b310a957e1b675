package fwgear.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fwgear.flywheel.FileEntry;
import fwgear.flywheel.GearRule;
import fwgear.flywheel.RolePermission;
import fwgear.flywheel.ViewerApp;
import fwgear.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What copying a template project onto a destination project changes (reference section 3.6),
 * computed from the two projects as read, with nothing written: only what differs is listed, so a
 * copy onto a project that already matches its template is empty.
 *
 * <ul>
 *   <li><b>gear rules</b>: a template rule is added, or when the destination has a rule of that
 *       name, modified in place (only when it differs); destination rules whose names the template
 *       does not have are deleted. A template without rules leaves the destination's rules alone.
 *   <li><b>fixed-input files</b> of the template's rules are uploaded unless the destination has a
 *       file of that name with the same hash; the copied rule's fixed inputs name the destination's
 *       files.
 *   <li><b>role assignments</b>: each template user's roles are added to the destination user's (a
 *       union; nothing is removed).
 *   <li><b>description</b>: the template's, its {@code $variables} substituted; an empty template
 *       description is not copied.
 *   <li><b>viewer apps</b>: the destination's are replaced by the template's, unless equal; a
 *       template without apps leaves the destination's alone.
 * </ul>
 *
 * @param files the template files to upload to the destination, by name
 * @param rules the rules to add ({@code existingId} empty) or modify in place
 * @param deletedRules the destination rules to delete
 * @param roles the role assignments to add ({@code update} false) or widen
 * @param description the description to set, when it changes
 * @param apps the viewer apps to set, when they change
 */
public record TemplateCopy(
    List<FileEntry> files,
    List<RuleWrite> rules,
    List<GearRule> deletedRules,
    List<RoleGrant> roles,
    Optional<String> description,
    Optional<List<ViewerApp>> apps) {

  /** The variables a template description may use. */
  public static final Set<String> VARIABLES = Set.of("adrc", "project_id", "site");

  private static final ObjectMapper JSON = new ObjectMapper();

  public TemplateCopy {
    files = List.copyOf(files);
    rules = List.copyOf(rules);
    deletedRules = List.copyOf(deletedRules);
    roles = List.copyOf(roles);
    apps = apps.map(List::copyOf);
  }

  /**
   * A rule to write: {@code rule} as it is sent (fixed inputs naming destination files; a version
   * when the file is there already, none when it is uploaded first, so the server takes the new
   * one).
   */
  public record RuleWrite(GearRule rule, Optional<String> existingId) {}

  /** A user's roles on the destination after the copy: the union of theirs and the template's. */
  public record RoleGrant(String userId, List<String> roleIds, boolean update) {
    public RoleGrant {
      roleIds = List.copyOf(roleIds);
    }
  }

  public boolean isEmpty() {
    return files.isEmpty()
        && rules.isEmpty()
        && deletedRules.isEmpty()
        && roles.isEmpty()
        && description.isEmpty()
        && apps.isEmpty();
  }

  /**
   * What is wrong with a template before any copy: a fixed input naming a file the template project
   * does not hold, a malformed {@code $} or an unknown variable in its description. Each line names
   * the template project.
   */
  public static List<Problem> problems(ProjectSnapshot template) {
    List<Problem> problems = new ArrayList<>();
    for (GearRule rule : template.rules()) {
      for (GearRule.FixedInput input : rule.fixedInputs()) {
        if (template.project().file(input.name()).isEmpty()) {
          problems.add(
              Problem.error(
                  template.path(),
                  0,
                  "rules." + rule.name() + ".fixed_inputs." + input.input(),
                  "template-fixed-input",
                  "gear rule "
                      + rule.name()
                      + ": fixed input "
                      + input.input()
                      + " names file "
                      + input.name()
                      + ", which the template project does not have"));
        }
      }
    }
    DescriptionTemplate description = new DescriptionTemplate(template.project().description());
    for (DescriptionTemplate.Issue issue : description.issues(VARIABLES)) {
      problems.add(
          Problem.error(
              template.path(),
              issue.line(),
              "description",
              "template-description",
              "description: " + issue.message() + " (column " + issue.column() + ")"));
    }
    return problems;
  }

  /**
   * The copy of {@code template} onto {@code destination}.
   *
   * @param values the description's variables ({@link #VARIABLES})
   * @throws IllegalArgumentException when the template has {@link #problems(ProjectSnapshot)}
   */
  public static TemplateCopy of(
      ProjectSnapshot template, ProjectSnapshot destination, Map<String, String> values) {
    List<Problem> problems = problems(template);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          String.join("; ", problems.stream().map(Problem::format).toList()));
    }
    Map<String, FileEntry> uploads = new LinkedHashMap<>();
    List<RuleWrite> rules = new ArrayList<>();
    List<GearRule> deleted = new ArrayList<>();
    if (!template.rules().isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      for (GearRule rule : template.rules()) {
        if (!names.add(rule.name())) {
          continue; // a second template rule of the same name: the first one is copied
        }
        List<GearRule.FixedInput> fixed = new ArrayList<>();
        for (GearRule.FixedInput input : rule.fixedInputs()) {
          FileEntry source = template.project().file(input.name()).orElseThrow();
          Optional<FileEntry> there =
              destination
                  .project()
                  .file(input.name())
                  .filter(f -> f.sameAs(source.name(), source.hash()));
          if (there.isEmpty()) {
            uploads.putIfAbsent(source.name(), source);
          }
          fixed.add(
              new GearRule.FixedInput(
                  "project",
                  destination.id(),
                  input.name(),
                  input.input(),
                  there.map(FileEntry::version).orElse(null)));
        }
        GearRule wanted = rule.asInput(destination.id(), fixed);
        List<GearRule> sameName =
            destination.rules().stream().filter(r -> rule.name().equals(r.name())).toList();
        if (sameName.isEmpty()) {
          rules.add(new RuleWrite(wanted, Optional.empty()));
        } else {
          GearRule current = sameName.get(0);
          if (!comparable(current).equals(comparable(wanted))) {
            rules.add(new RuleWrite(wanted, Optional.of(current.id())));
          }
          // Extra rules of the same name (a site edited by hand): only the first is kept.
          deleted.addAll(sameName.subList(1, sameName.size()));
        }
      }
      for (GearRule rule : destination.rules()) {
        if (!names.contains(rule.name())) {
          deleted.add(rule);
        }
      }
    }
    List<RoleGrant> roles = new ArrayList<>();
    for (RolePermission permission : template.project().permissions()) {
      Optional<RolePermission> current = destination.project().permissionOf(permission.id());
      Set<String> union =
          new LinkedHashSet<>(current.map(RolePermission::roleIds).orElse(List.of()));
      union.addAll(permission.roleIds());
      if (current.isPresent() && union.size() == current.get().roleIds().size()) {
        continue;
      }
      roles.add(new RoleGrant(permission.id(), List.copyOf(union), current.isPresent()));
    }
    Optional<String> description = Optional.empty();
    String text = template.project().description();
    if (!text.isEmpty()) {
      String wanted = new DescriptionTemplate(text).substitute(values);
      if (!wanted.equals(destination.project().description())) {
        description = Optional.of(wanted);
      }
    }
    Optional<List<ViewerApp>> apps = Optional.empty();
    if (!template.apps().isEmpty() && !template.apps().equals(destination.apps())) {
      apps = Optional.of(template.apps());
    }
    return new TemplateCopy(
        List.copyOf(uploads.values()), rules, deleted, roles, description, apps);
  }

  /** A rule as JSON without what differs between copies: its id and its owning project. */
  private static ObjectNode comparable(GearRule rule) {
    ObjectNode node = JSON.valueToTree(rule);
    node.remove("_id");
    node.remove("project_id");
    return node;
  }
}
