package fwgear.engine;

import fwgear.context.GearContext;

/**
 * The computation of a gear (the seed's {@code main.py}): everything it needs was gathered by its
 * {@link GearExecutionFactory}.
 */
@FunctionalInterface
public interface GearExecution {
  void run(GearContext context) throws GearExecutionException;
}
