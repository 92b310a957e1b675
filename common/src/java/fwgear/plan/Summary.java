package fwgear.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The closing line of a run: per kind of target, how many were (or, in a dry run, would be)
 * created, updated and left unchanged, and the number of writes.
 */
public record Summary(List<Tally> tallies, int writes) {

  /** The counts of one kind of target. */
  public record Tally(String kind, int created, int updated, int unchanged) {}

  public Summary {
    tallies = List.copyOf(tallies);
  }

  /** The counts of {@code kind}; zeros when the plan had no target of that kind. */
  public Tally tally(String kind) {
    return tallies.stream()
        .filter(tally -> tally.kind().equals(kind))
        .findFirst()
        .orElse(new Tally(kind, 0, 0, 0));
  }

  /**
   * {@code Created 4 groups and 18 projects; updated 0 groups and 0 projects; unchanged 0 groups
   * and 0 projects (57 writes)}, or in a dry run {@code Dry run, nothing written. Would have
   * created ...}.
   */
  public String format(boolean dryRun) {
    return (dryRun ? "Dry run, nothing written. Would have created " : "Created ")
        + counts(Tally::created)
        + "; updated "
        + counts(Tally::updated)
        + "; unchanged "
        + counts(Tally::unchanged)
        + " ("
        + writes
        + (writes == 1 ? " write" : " writes")
        + ")";
  }

  private String counts(java.util.function.ToIntFunction<Tally> count) {
    if (tallies.isEmpty()) {
      return "nothing";
    }
    return tallies.stream()
        .map(tally -> count(count.applyAsInt(tally), tally.kind()))
        .collect(Collectors.joining(" and "));
  }

  static String count(int n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
