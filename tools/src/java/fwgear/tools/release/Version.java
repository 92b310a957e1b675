package fwgear.tools.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gear version in the semantic-versioning style ({@code 1.2.3}, {@code 1.2.3-rc.1}), ordered by
 * semver precedence; any number of numeric parts is accepted for ordering, and a missing part is 0.
 */
public record Version(List<Long> numbers, Optional<String> preRelease, String text)
    implements Comparable<Version> {
  private static final Pattern FORMAT =
      Pattern.compile("(\\d+(?:\\.\\d+)*)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  public Version {
    numbers = List.copyOf(numbers);
  }

  /** Parses a version; empty when it is not in the semver style. */
  public static Optional<Version> parse(String text) {
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    List<Long> numbers = new ArrayList<>();
    for (String part : matcher.group(1).split("\\.")) {
      if (part.length() > 18) {
        return Optional.empty();
      }
      numbers.add(Long.parseLong(part));
    }
    return Optional.of(new Version(numbers, Optional.ofNullable(matcher.group(2)), text));
  }

  /** The next version of a kind, as npm's semver does: 1.2.3-rc.1 patch is 1.2.3. */
  public Version next(Kind kind) {
    if (numbers.size() > 3) {
      throw new IllegalStateException(
          "'" + text + "' has more than three numbers; give the new version explicitly");
    }
    long major = part(0);
    long minor = part(1);
    long patch = part(2);
    boolean pre = preRelease.isPresent();
    switch (kind) {
      case MAJOR -> {
        if (!(pre && minor == 0 && patch == 0)) {
          major++;
        }
        minor = 0;
        patch = 0;
      }
      case MINOR -> {
        if (!(pre && patch == 0)) {
          minor++;
        }
        patch = 0;
      }
      case PATCH -> {
        if (!pre) {
          patch++;
        }
      }
    }
    String next = major + "." + minor + "." + patch;
    return new Version(List.of(major, minor, patch), Optional.empty(), next);
  }

  private long part(int index) {
    return index < numbers.size() ? numbers.get(index) : 0;
  }

  @Override
  public int compareTo(Version other) {
    int size = Math.max(numbers.size(), other.numbers.size());
    for (int i = 0; i < size; i++) {
      int byNumber = Long.compare(part(i), other.part(i));
      if (byNumber != 0) {
        return byNumber;
      }
    }
    if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
    }
    return comparePreRelease(preRelease.get(), other.preRelease.get());
  }

  /** Semver: dot-separated identifiers, numeric ones numerically and lower than alphanumeric. */
  private static int comparePreRelease(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      boolean leftNumeric = left[i].matches("\\d{1,18}");
      boolean rightNumeric = right[i].matches("\\d{1,18}");
      int order;
      if (leftNumeric && rightNumeric) {
        order = Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i]));
      } else if (leftNumeric != rightNumeric) {
        order = leftNumeric ? -1 : 1;
      } else {
        order = left[i].compareTo(right[i]);
      }
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  @Override
  public String toString() {
    return text;
  }

  /** Which part of the version a bump raises. */
  public enum Kind {
    MAJOR,
    MINOR,
    PATCH
  }
}
