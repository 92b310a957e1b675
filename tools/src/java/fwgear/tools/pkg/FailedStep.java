package fwgear.tools.pkg;

import fwgear.tools.docker.Dockerfile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Dockerfile instruction a failed build stopped at, from the builder's output: buildah
 * and podman print {@code STEP 3/7: RUN ...}, docker's BuildKit {@code [3/7] RUN ...}; the last
 * step printed is the one that failed.
 */
final class FailedStep {
  private static final List<Pattern> STEP =
      List.of(
          Pattern.compile("STEP \\d+/\\d+: (.+)$"),
          Pattern.compile("building at STEP \"(.+)\""),
          Pattern.compile("^#\\d+ \\[[^\\]]*\\d+/\\d+\\] (.+)$"),
          Pattern.compile("^\\s*> \\[[^\\]]*\\d+/\\d+\\] (.+?):?$"));

  private FailedStep() {}

  static Optional<Dockerfile.Instruction> locate(List<String> output, Dockerfile dockerfile) {
    for (int i = output.size() - 1; i >= 0; i--) {
      for (Pattern pattern : STEP) {
        Matcher matcher = pattern.matcher(output.get(i));
        if (matcher.find()) {
          Optional<Dockerfile.Instruction> found = match(matcher.group(1), dockerfile);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Dockerfile.Instruction> match(String step, Dockerfile dockerfile) {
    String wanted = normalize(step);
    Dockerfile.Instruction best = null;
    for (Dockerfile.Instruction instruction : dockerfile.instructions()) {
      String text = normalize(instruction.keyword() + " " + instruction.arguments());
      // Builders print the instruction with variables expanded or cut short, so compare loosely.
      if (text.equals(wanted) || wanted.startsWith(text) || text.startsWith(wanted)) {
        best = instruction;
        if (text.equals(wanted)) {
          break;
        }
      }
    }
    if (best == null) {
      String keyword = wanted.split(" ", 2)[0];
      List<Dockerfile.Instruction> same =
          dockerfile.instructions().stream().filter(i -> i.keyword().equals(keyword)).toList();
      if (same.size() == 1) {
        best = same.get(0);
      }
    }
    return Optional.ofNullable(best);
  }

  private static String normalize(String text) {
    String collapsed = text.strip().replaceAll("\\s+", " ");
    int space = collapsed.indexOf(' ');
    return space < 0
        ? collapsed.toUpperCase(java.util.Locale.ROOT)
        : collapsed.substring(0, space).toUpperCase(java.util.Locale.ROOT)
            + collapsed.substring(space);
  }
}
