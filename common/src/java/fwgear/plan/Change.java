package fwgear.plan;

/**
 * One write a gear makes, as a value: gears declare their own changes (usually records of a sealed
 * interface extending this one) and an {@link Applier} that knows how to make each type.
 */
public interface Change {

  /** The container the change is about. */
  Target target();

  /** The change in words, lower case, for a log line: {@code create group alpha (Alpha Center)}. */
  String describe();

  /** True when the change creates its target (the summary counts it as created, not updated). */
  default boolean creates() {
    return false;
  }
}
