package fwgear.centers;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Which groups are centers: a center's group carries a tag {@code adcid-<n>} (its ADC id), and a
 * center added since the last runs also carries {@code new-center}, which {@code new_only} runs
 * keep to.
 */
public final class CenterGroups {
  /** The tag of a center group, as a Flywheel filter regex ({@code tags=~adcid-\d+}). */
  public static final String CENTER_TAG_REGEX = "^adcid-\\d+$";

  public static final String NEW_CENTER_TAG = "new-center";
  private static final Pattern CENTER_TAG = Pattern.compile(CENTER_TAG_REGEX);

  private CenterGroups() {}

  /** Whether a group with these tags is a center. */
  public static boolean isCenter(Collection<String> tags) {
    return tags.stream().anyMatch(tag -> CENTER_TAG.matcher(tag).matches());
  }

  /** The tag of the center with this ADC id: {@code adcid-<n>}. */
  public static String tag(int adcid) {
    return "adcid-" + adcid;
  }

  /**
   * Whether a group with these tags is the center with this ADC id: it carries {@code adcid-<n>}
   * exactly (the seed's regex filter let {@code adcid-1} match {@code adcid-12}).
   */
  public static boolean isCenter(Collection<String> tags, int adcid) {
    return tags.contains(tag(adcid));
  }

  /** Whether a center with these tags is new (tagged {@value #NEW_CENTER_TAG}). */
  public static boolean isNew(Collection<String> tags) {
    return tags.contains(NEW_CENTER_TAG);
  }
}
