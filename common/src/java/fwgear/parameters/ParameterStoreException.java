package fwgear.parameters;

/** The parameter store could not be read (no credentials, no region, service error). */
public class ParameterStoreException extends RuntimeException {
  public ParameterStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
