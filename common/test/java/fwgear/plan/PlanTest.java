package fwgear.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PlanTest {
  sealed interface Shelf extends Change {}

  record AddShelf(String id) implements Shelf {
    public Target target() {
      return new Target("shelf", id);
    }

    public String describe() {
      return "add shelf " + id;
    }

    @Override
    public boolean creates() {
      return true;
    }
  }

  record AddBook(String shelf, String title) implements Shelf {
    public Target target() {
      return new Target("shelf", shelf);
    }

    public String describe() {
      return "put " + title + " on shelf " + shelf;
    }
  }

  record Paint(String shelf) implements Shelf {
    public Target target() {
      return new Target("shelf", shelf);
    }

    public String describe() {
      return "paint shelf " + shelf;
    }
  }

  private final List<String> written = new ArrayList<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void listen() {
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void stop() {
    root.detachAppender(log);
  }

  private List<String> lines() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private Applier<Shelf> applier() {
    return Applier.<Shelf>builder()
        .on(AddShelf.class, c -> written.add("shelf " + c.id()))
        .on(AddBook.class, c -> written.add(c.title() + "@" + c.shelf()))
        .build();
  }

  private static Plan<Shelf> plan(Shelf... changes) {
    return new Plan<>(
        List.of(changes),
        List.of("shelf c is crooked"),
        List.of(new Target("shelf", "a"), new Target("shelf", "b"), new Target("shelf", "c")));
  }

  @Test
  void aDryRunLogsThePlanAndWritesNothing() {
    Summary summary =
        plan(new AddShelf("a"), new AddBook("a", "Emma"), new AddBook("b", "Ulysses"))
            .printOrApply(true, applier());

    assertThat(written).isEmpty();
    assertThat(lines())
        .containsExactly(
            "shelf c is crooked",
            "Dry run: 3 writes planned",
            "Dry run: would add shelf a",
            "Dry run: would put Emma on shelf a",
            "Dry run: would put Ulysses on shelf b",
            "Dry run, nothing written. Would have created 1 shelf; updated 1 shelf; unchanged 1"
                + " shelf (3 writes)");
    assertThat(summary.tally("shelf")).isEqualTo(new Summary.Tally("shelf", 1, 1, 1));
    assertThat(summary.writes()).isEqualTo(3);
  }

  @Test
  void aRealRunAppliesInOrderAndLogsEachWrite() {
    Summary summary =
        plan(new AddShelf("a"), new AddBook("a", "Emma")).printOrApply(false, applier());

    assertThat(written).containsExactly("shelf a", "Emma@a");
    assertThat(lines())
        .containsExactly(
            "shelf c is crooked",
            "Add shelf a",
            "Put Emma on shelf a",
            "Created 1 shelf; updated 0 shelfs; unchanged 2 shelfs (2 writes)");
    assertThat(summary).isEqualTo(new Summary(List.of(new Summary.Tally("shelf", 1, 0, 2)), 2));
  }

  @Test
  void anUnknownChangeTypeIsRefusedBeforeAnyWrite() {
    Plan<Shelf> plan = plan(new AddShelf("a"), new Paint("a"));

    assertThatThrownBy(() -> plan.printOrApply(false, applier()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot apply a Paint change (paint shelf a): the applier has no step for it;"
                + " nothing was written");
    assertThat(written).isEmpty();
  }

  @Test
  void aFailedWriteStopsTheRunAndSaysHowFarItGot() {
    Applier<Shelf> failing =
        Applier.<Shelf>builder()
            .on(AddShelf.class, c -> written.add("shelf " + c.id()))
            .on(
                AddBook.class,
                c -> {
                  throw new IllegalArgumentException("no room");
                })
            .build();

    assertThatThrownBy(
            () ->
                plan(new AddShelf("a"), new AddBook("a", "Emma"), new AddShelf("b"))
                    .printOrApply(false, failing))
        .hasMessage("no room");
    assertThat(written).containsExactly("shelf a");
    assertThat(lines()).contains("Stopped after 1 of 3 writes; could not put Emma on shelf a");
  }

  @Test
  void aStepForASupertypeServesItsSubtypes() {
    Applier<Shelf> any = Applier.<Shelf>builder().on(Shelf.class, c -> written.add("any")).build();

    any.apply(List.of(new Paint("a"), new AddShelf("b")));

    assertThat(written).containsExactly("any", "any");
  }

  @Test
  void targetsOfChangesAreCountedWithoutBeingListed() {
    Summary summary = new Plan<Shelf>(List.of(new AddBook("x", "Emma"))).summary();

    assertThat(summary.format(false))
        .isEqualTo("Created 0 shelfs; updated 1 shelf; unchanged 0 shelfs (1 write)");
  }
}
