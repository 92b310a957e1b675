package fwgear.tools.validate;

import fwgear.problem.Problem;
import fwgear.tools.buildfile.Gear;
import java.util.List;

/** A group of validate rules, checked on one gear at a time. */
public interface Rule {
  /** Adds the problems this rule finds in the gear. */
  void check(Gear gear, List<Problem> problems);
}
