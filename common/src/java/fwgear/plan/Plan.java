package fwgear.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a gear is going to write, decided before the first write: the changes in order, notices for
 * the user, and the targets the gear looked at (so that the summary can count those left
 * unchanged). Every gear that writes follows the same steps: read, plan, then {@link
 * #printOrApply(boolean, Applier)}.
 *
 * <pre>{@code
 * Plan<MyChange> plan = new Plan<>(changes, notices, targets);
 * Summary summary = plan.printOrApply(config.dryRun(), applier);
 * }</pre>
 *
 * @param changes the writes, in the order they are made
 * @param notices what the user should know (logged as warnings), such as a label left as it is
 * @param targets every target the gear considered, in order; targets of the changes are added
 */
public record Plan<C extends Change>(List<C> changes, List<String> notices, List<Target> targets) {
  private static final Logger LOG = LoggerFactory.getLogger(Plan.class);

  public Plan {
    changes = List.copyOf(changes);
    notices = List.copyOf(notices);
    Set<Target> all = new LinkedHashSet<>(targets);
    changes.forEach(change -> all.add(change.target()));
    targets = List.copyOf(all);
  }

  /** A plan of changes alone: its targets are those of the changes. */
  public Plan(List<C> changes) {
    this(changes, List.of(), List.of());
  }

  /** The same plan with other changes, such as those actually made. */
  public Plan<C> withChanges(List<C> otherChanges) {
    return new Plan<>(otherChanges, notices, targets);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /**
   * Per kind of target (in the order the targets come): created when a change creates it, updated
   * when other changes touch it, unchanged otherwise.
   */
  public Summary summary() {
    Set<Target> created = new LinkedHashSet<>();
    Set<Target> touched = new LinkedHashSet<>();
    for (C change : changes) {
      if (change.creates()) {
        created.add(change.target());
      }
      touched.add(change.target());
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Target target : targets) {
      int[] count = counts.computeIfAbsent(target.kind(), kind -> new int[3]);
      count[created.contains(target) ? 0 : touched.contains(target) ? 1 : 2]++;
    }
    List<Summary.Tally> tallies = new ArrayList<>();
    counts.forEach((kind, c) -> tallies.add(new Summary.Tally(kind, c[0], c[1], c[2])));
    return new Summary(tallies, changes.size());
  }

  /**
   * The one dry-run switch. Logs the notices as warnings, then:
   *
   * <ul>
   *   <li>in a dry run, {@code Dry run: N writes planned}, one {@code Dry run: would <change>} line
   *       per change, and the summary; nothing is written, the applier is not called;
   *   <li>otherwise, the applier makes the changes in order (logging each) and the summary counts
   *       those made.
   * </ul>
   *
   * @return the summary that was logged
   * @throws IllegalStateException before any write, when the applier cannot make a change's type
   * @throws RuntimeException what a write threw, after logging how far the run got
   */
  public Summary printOrApply(boolean dryRun, Applier<? super C> applier) {
    notices.forEach(notice -> LOG.warn("{}", notice));
    Summary summary;
    if (dryRun) {
      LOG.info("Dry run: {} planned", Summary.count(changes.size(), "write"));
      changes.forEach(change -> LOG.info("Dry run: would {}", change.describe()));
      summary = summary();
    } else {
      List<C> done = applier.apply(changes);
      summary = withChanges(done).summary();
    }
    LOG.info("{}", summary.format(dryRun));
    return summary;
  }
}
