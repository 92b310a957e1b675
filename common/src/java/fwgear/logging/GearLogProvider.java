package fwgear.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The gear runtime's SLF4J provider: {@link GearLog}'s loggers, which write the Flywheel toolkit's
 * format straight to standard output. A gear starts faster on it than on logback (whose set-up
 * alone is about a third of a gear's start). It is not registered as a service, so that the tools
 * and the local Flywheel, and tests, keep logback: {@link fwgear.engine.GearEngine} selects it
 * ({@code slf4j.provider}) when nothing else was chosen or bound before the gear starts.
 */
public final class GearLogProvider implements SLF4JServiceProvider {
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return GearLog.FACTORY;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}
}
