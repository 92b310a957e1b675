package fwgear.tools.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flywheel's file type for a local file, guessed from its name as Flywheel does on upload, so that
 * a local file input carries the {@code object.type} a gear's input directive (such as {@code
 * "type": {"enum": ["source code"]}}) expects.
 */
final class FileTypes {
  private static final Map<String, String> BY_SUFFIX =
      Map.ofEntries(
          Map.entry(".dcm", "dicom"),
          Map.entry(".dicom.zip", "dicom"),
          Map.entry(".dcm.zip", "dicom"),
          Map.entry(".nii", "nifti"),
          Map.entry(".nii.gz", "nifti"),
          Map.entry(".csv", "tabular data"),
          Map.entry(".tsv", "tabular data"),
          Map.entry(".json", "JSON"),
          Map.entry(".yaml", "source code"),
          Map.entry(".yml", "source code"),
          Map.entry(".py", "source code"),
          Map.entry(".java", "source code"),
          Map.entry(".sh", "source code"),
          Map.entry(".txt", "text"),
          Map.entry(".pdf", "pdf"),
          Map.entry(".zip", "archive"));

  private FileTypes() {}

  /** The guessed type, if the name has a known suffix (the longest suffix wins). */
  static Optional<String> guess(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return BY_SUFFIX.entrySet().stream()
        .filter(entry -> lower.endsWith(entry.getKey()))
        .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
        .map(Map.Entry::getValue);
  }

  /**
   * The type to record: the guess when the input allows any type or allows the guess; otherwise the
   * first allowed type (the input declares what it accepts, and a local file has no type of its
   * own).
   */
  static Optional<String> choose(String fileName, List<String> allowed) {
    Optional<String> guess = guess(fileName);
    if (allowed.isEmpty()) {
      return guess;
    }
    if (guess.isPresent() && allowed.contains(guess.get())) {
      return guess;
    }
    return Optional.of(allowed.get(0));
  }
}
