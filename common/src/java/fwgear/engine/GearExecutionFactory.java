package fwgear.engine;

import fwgear.context.GearContext;

/**
 * The environment part of a gear (the seed's {@code run.py}): reads the config and inputs from the
 * context, builds clients, and returns the execution that does the work.
 */
@FunctionalInterface
public interface GearExecutionFactory {
  GearExecution create(GearContext context) throws GearExecutionException;
}
