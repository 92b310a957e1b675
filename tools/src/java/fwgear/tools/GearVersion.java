package fwgear.tools;

import picocli.CommandLine.IVersionProvider;

/** The tool's version, from the jar's manifest (Maven's project version). */
public final class GearVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = GearCli.class.getPackage().getImplementationVersion();
    return new String[] {"gear " + (version == null ? "development" : version)};
  }
}
