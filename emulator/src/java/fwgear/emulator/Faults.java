package fwgear.emulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The faults being injected; the first one that hits a request applies. */
final class Faults {
  private final List<Fault.Active> active = new CopyOnWriteArrayList<>();

  void add(Fault fault) {
    active.add(new Fault.Active(fault));
  }

  void clear() {
    active.clear();
  }

  List<Fault.Active> list() {
    return List.copyOf(active);
  }

  Optional<Fault> hit(String method, String path) {
    for (Fault.Active fault : active) {
      if (fault.hits(method, path)) {
        return Optional.of(fault.fault);
      }
    }
    return Optional.empty();
  }
}
