package fwgear.emulator.bench;

import fwgear.flywheel.ApiKey;
import fwgear.flywheel.ClientOptions;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.FlywheelException;
import fwgear.flywheel.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load benchmark behind {@code bench/load-projects.sh}: many concurrent clients create projects
 * in one group of a Flywheel server, then every project is checked to be there exactly once.
 *
 * <p>Usage: {@code LoadProjects <api key> [clients] [projects] [group]}; the key is read from the
 * environment variable {@code FW_API_KEY} when the first argument is {@code -}.
 */
public final class LoadProjects {
  private LoadProjects() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LoadProjects <api key | -> [clients] [projects] [group]");
      System.exit(2);
    }
    ApiKey key = ApiKey.parse(args[0].equals("-") ? System.getenv("FW_API_KEY") : args[0]);
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int projects = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    String group = args.length > 3 ? args[3] : "load-" + System.currentTimeMillis();
    System.exit(run(key, clients, projects, group) ? 0 : 1);
  }

  static boolean run(ApiKey key, int clients, int projects, String group) throws Exception {
    ClientOptions options =
        ClientOptions.defaults()
            .withBackoff(Duration.ofMillis(20), Duration.ofSeconds(1))
            .withMaxAttempts(8);
    FlywheelClient setup = FlywheelClient.connect(key, options);
    setup.createGroup(group, "Load test");

    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<Integer>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      results.add(
          pool.submit(
              () -> {
                FlywheelClient own = FlywheelClient.connect(key, options);
                int made = 0;
                for (int p = client; p < projects; p += clients) {
                  long t0 = System.nanoTime();
                  own.createProject(group, label(p), null);
                  latencies.add(System.nanoTime() - t0);
                  made++;
                }
                return made;
              }));
    }
    int created = 0;
    int failedClients = 0;
    for (Future<Integer> result : results) {
      try {
        created += result.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failedClients++;
        System.err.println(
            "a client failed: "
                + (e.getCause() instanceof FlywheelException f ? f.getMessage() : e.getCause()));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    Map<String, Integer> seen = new HashMap<>();
    for (Project project : setup.groupProjects(group)) {
      seen.merge(project.label(), 1, Integer::sum);
    }
    int missing = 0;
    int duplicated = 0;
    for (int p = 0; p < projects; p++) {
      int count = seen.getOrDefault(label(p), 0);
      missing += count == 0 ? 1 : 0;
      duplicated += count > 1 ? 1 : 0;
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "created %d projects with %d concurrent clients in %.2f s: %.0f projects/s"
            + " (latency p50 %.1f ms, p99 %.1f ms)%n",
        created,
        clients,
        seconds,
        created / seconds,
        percentile(sorted, 50),
        percentile(sorted, 99));
    System.out.printf(
        "check: %d projects in group %s, %d missing, %d duplicated%n",
        seen.values().stream().mapToInt(Integer::intValue).sum(), group, missing, duplicated);
    boolean ok = failedClients == 0 && missing == 0 && duplicated == 0 && seen.size() == projects;
    System.out.println(ok ? "OK: each project present exactly once" : "FAILED");
    return ok;
  }

  private static String label(int index) {
    return String.format("project-%05d", index);
  }

  private static double percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
