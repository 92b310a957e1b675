package fwgear.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many clients at once: each create wins exactly once, updates are not lost. */
class ConcurrencyTest {

  @Test
  void racingCreatesOfOneLabelMakeOneProjectAndConflicts() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      FlywheelClient setup = FlywheelClient.connect(server.apiKey());
      setup.createGroup("race", "Race");
      AtomicInteger created = new AtomicInteger();
      AtomicInteger conflicts = new AtomicInteger();

      runConcurrently(
          16,
          i -> {
            try {
              FlywheelClient.connect(server.apiKey()).createProject("race", "only-one", null);
              created.incrementAndGet();
            } catch (FlywheelException e) {
              if (e.isConflict()) {
                conflicts.incrementAndGet();
              }
            }
          });

      assertThat(created).hasValue(1);
      assertThat(conflicts).hasValue(15);
      assertThat(setup.groupProjects("race")).hasSize(1);
    }
  }

  @Test
  void concurrentTagsOnOneGroupAreAllKept() throws Exception {
    try (FlywheelEmulator server = FlywheelEmulator.start(EmulatorOptions.inMemory())) {
      FlywheelClient client = FlywheelClient.connect(server.apiKey());
      client.createGroup("tags", "Tags");

      runConcurrently(20, i -> client.addGroupTag("tags", "tag-" + i));

      assertThat(client.getGroup("tags").tags()).hasSize(20);
    }
  }

  private interface Task {
    void run(int index) throws Exception;
  }

  private static void runConcurrently(int count, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<Void> call =
            () -> {
              task.run(index);
              return null;
            };
        futures.add(pool.submit(call));
      }
      for (Future<Void> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
