package fwgear.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the changes of a plan, one step per change type. A change whose type has no step is refused
 * before anything is written (never skipped): the whole list is checked first.
 *
 * <pre>{@code
 * Applier<MyChange> applier =
 *     Applier.<MyChange>builder()
 *         .on(CreateGroup.class, c -> client.createGroup(c.id(), c.label()))
 *         .on(AddGroupTag.class, c -> client.addGroupTag(c.id(), c.tag()))
 *         .build();
 * }</pre>
 *
 * Each change made is logged at INFO ({@code Create group alpha (Alpha Center)}); when a write
 * fails, {@code Stopped after 8 of 57 writes; could not <change>} is logged at ERROR and the
 * failure is rethrown (a rerun plans again from what is on the site).
 */
public final class Applier<C extends Change> {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

  /** Makes one change of type {@code T}. */
  @FunctionalInterface
  public interface Step<T> {
    void apply(T change);
  }

  private final Map<Class<?>, Step<Object>> steps;

  private Applier(Map<Class<?>, Step<Object>> steps) {
    this.steps = Map.copyOf(steps);
  }

  public static <C extends Change> Builder<C> builder() {
    return new Builder<>();
  }

  /** The steps of an applier, one per change type. */
  public static final class Builder<C extends Change> {
    private final Map<Class<?>, Step<Object>> steps = new LinkedHashMap<>();

    private Builder() {}

    /** How to make a change of {@code type} (or of a subtype, when it has no step of its own). */
    @SuppressWarnings("unchecked")
    public <T extends C> Builder<C> on(Class<T> type, Step<? super T> step) {
      if (steps.putIfAbsent(type, change -> ((Step<Object>) step).apply(change)) != null) {
        throw new IllegalArgumentException("two steps for " + type.getSimpleName());
      }
      return this;
    }

    public Applier<C> build() {
      return new Applier<>(steps);
    }
  }

  /**
   * Makes the changes in order.
   *
   * @return the changes made (all of them, since a failure is thrown)
   * @throws IllegalStateException before any write, naming the first change type with no step
   */
  public <T extends C> List<T> apply(List<T> changes) {
    List<Step<Object>> plan = new ArrayList<>();
    for (T change : changes) {
      plan.add(
          step(change.getClass())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "cannot apply a "
                              + change.getClass().getSimpleName()
                              + " change ("
                              + change.describe()
                              + "): the applier has no step for it; nothing was written")));
    }
    List<T> done = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      T change = changes.get(i);
      try {
        plan.get(i).apply(change);
      } catch (RuntimeException e) {
        LOG.error(
            "Stopped after {} of {}; could not {}",
            done.size(),
            Summary.count(changes.size(), "write"),
            change.describe());
        throw e;
      }
      LOG.info("{}", capitalised(change.describe()));
      done.add(change);
    }
    return done;
  }

  private java.util.Optional<Step<Object>> step(Class<?> type) {
    Step<Object> exact = steps.get(type);
    if (exact != null) {
      return java.util.Optional.of(exact);
    }
    return steps.entrySet().stream()
        .filter(entry -> entry.getKey().isAssignableFrom(type))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
