package fwgear.tools.local;

import fwgear.flywheel.ApiKey;
import fwgear.flywheel.ClientOptions;
import fwgear.flywheel.FlywheelClient;
import fwgear.flywheel.Group;
import fwgear.flywheel.Project;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the id of a destination given as a Flywheel path ({@code group} or {@code group/project}),
 * as {@code fw-beta gear config -d} does with the site it is logged in to: here the site of the
 * configured API key.
 */
@FunctionalInterface
public interface DestinationLookup {

  /** The outcome: the container's id, or why it is not known. */
  sealed interface Result permits Found, NotFound {}

  record Found(String id) implements Result {}

  record NotFound(String reason) implements Result {}

  Result find(ApiKey key, String type, String path);

  /** Never looks anything up (no site at hand). */
  DestinationLookup NONE = (key, type, path) -> new NotFound("no lookup");

  /** Looks the path up on the key's site: one try, short timeouts. */
  static DestinationLookup onSite() {
    ClientOptions quick =
        ClientOptions.defaults().withMaxAttempts(1).withRequestTimeout(Duration.ofSeconds(10));
    return (key, type, path) -> {
      try {
        FlywheelClient client = FlywheelClient.connect(key, quick);
        String[] parts = path.split("/", 2);
        Optional<String> id =
            parts.length == 1
                ? client.findGroup(parts[0]).map(Group::id)
                : client.findProject(parts[0], parts[1]).map(Project::id);
        return id.<Result>map(Found::new)
            .orElseGet(() -> new NotFound("no " + type + " " + path + " on " + key.host()));
      } catch (RuntimeException e) {
        // The client's messages never hold the key.
        return new NotFound(key.host() + " did not answer: " + e.getMessage());
      }
    };
  }
}
