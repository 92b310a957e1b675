package fwgear.parameters;

import java.util.Map;
import java.util.Optional;

/**
 * Named secrets, as in the AWS SSM parameter store where NACC keeps the gear-bot API key. Values
 * are decrypted.
 */
public interface ParameterStore {

  /** The value of one parameter, or empty when there is none with that name. */
  Optional<String> get(String name);

  /** Every parameter directly under a path such as {@code /prod/flywheel/gearbot}, by full name. */
  Map<String, String> getByPath(String path);
}
