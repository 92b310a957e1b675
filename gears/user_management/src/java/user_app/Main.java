package user_app;

import fwgear.engine.GearExecutionException;
import fwgear.flywheel.AccessPermission;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.RolePermission;
import fwgear.plan.Applier;
import fwgear.plan.Summary;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computation: read the site ({@link SiteReader}), plan every write ({@link Planner}, by the
 * rules of {@link AccessRules}), then print the plan (dry run) or apply it, and summarise. Entries
 * left out are warnings naming their line and user.
 */
final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  record Options(String adminGroup, boolean dryRun) {}

  private final FlywheelClient client;
  private final Options options;

  Main(FlywheelClient client, Options options) {
    this.client = client;
    this.options = options;
  }

  Summary run(List<UserEntry> entries) throws GearExecutionException {
    SiteState site =
        SiteReader.read(
            client,
            options.adminGroup(),
            entries.stream().map(UserEntry::centerId).filter(id -> id >= 0).toList());
    Planner.Result result = Planner.plan(entries, site);
    result.skipped().forEach(line -> LOG.info("{}", line));
    if (!result.errors().isEmpty()) {
      result.errors().forEach(line -> LOG.error("{}", line));
      throw new GearExecutionException(
          result.errors().size() == 1
              ? result.errors().get(0)
              : result.errors().size() + " problems with the site's roles; nothing was written");
    }
    LOG.info(
        "{} entries: {} skipped as admins, {} left out, {} users to check",
        entries.size(),
        result.skipped().size(),
        result.plan().notices().stream().filter(n -> n.endsWith("left out")).count(),
        result.plan().targets().stream().filter(t -> t.kind().equals("user")).count());
    return result.plan().printOrApply(options.dryRun(), applier(client));
  }

  static Applier<UserChange> applier(FlywheelClient client) {
    return Applier.<UserChange>builder()
        .on(
            UserChange.CreateUser.class,
            c -> client.createUser(c.userId(), c.email(), c.firstName(), c.lastName()))
        .on(UserChange.UpdateUser.class, c -> client.updateUser(c.userId(), c.update()))
        .on(UserChange.OfferRole.class, c -> client.addGroupRole(c.groupId(), c.roleId()))
        .on(
            UserChange.AddGroupAccess.class,
            c ->
                client.addGroupPermission(
                    c.groupId(), new AccessPermission(c.userId(), c.access())))
        .on(
            UserChange.AddProjectRoles.class,
            c ->
                client.addProjectPermission(
                    c.projectId(), new RolePermission(c.userId(), c.roleIds())))
        .on(
            UserChange.ExtendProjectRoles.class,
            c -> client.updateProjectPermission(c.projectId(), c.userId(), c.roleIds()))
        .build();
  }
}
