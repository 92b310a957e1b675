package fwgear.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Stack traces with {@link Secrets} masked. */
public class RedactingThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return Secrets.redact(super.throwableProxyToString(proxy));
  }
}
