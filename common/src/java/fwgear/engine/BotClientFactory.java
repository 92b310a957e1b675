package fwgear.engine;

import fwgear.flywheel.ApiKey;

/**
 * Makes the client a gear uses as the gear bot: its key is read from the parameter store at {@code
 * <apikeyPathPrefix>/apikey}, and refused when its host differs from the job key's host.
 */
@FunctionalInterface
public interface BotClientFactory<C> {
  C create(ApiKey jobKey, String apikeyPathPrefix) throws GearExecutionException;
}
