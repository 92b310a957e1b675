package fwgear.tools.validate;

import fwgear.manifest.ManifestValidator;
import fwgear.problem.Problem;
import fwgear.tools.buildfile.Gear;
import java.util.List;

/**
 * Rule group 1: the manifest against every rule of the Flywheel gear spec, as {@link
 * ManifestValidator} checks them (the same checks the gear runtime makes). A manifest that cannot
 * be read or parsed is reported when the gear's files are read (see {@link GearValidator}).
 */
public final class ManifestRules implements Rule {
  @Override
  public void check(Gear gear, List<Problem> problems) {
    gear.manifestDocument()
        .document()
        .ifPresent(manifest -> problems.addAll(ManifestValidator.validate(manifest)));
  }
}
