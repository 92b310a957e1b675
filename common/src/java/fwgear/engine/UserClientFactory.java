package fwgear.engine;

import fwgear.flywheel.ApiKey;

/**
 * Makes the client a gear uses on behalf of the user who started the job, from the job's API key.
 * The Flywheel client module implements it; the engine only knows this shape.
 */
@FunctionalInterface
public interface UserClientFactory<C> {
  C create(ApiKey jobKey) throws GearExecutionException;
}
