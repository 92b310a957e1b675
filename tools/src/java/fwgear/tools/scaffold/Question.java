package fwgear.tools.scaffold;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The questions {@code ./gear new} asks, in order, like the seed's cookiecutter template: each has
 * a template variable, a command-line flag, a default derived from earlier answers, and a rule.
 */
public enum Question {
  GEAR_NAME("gear_name", "--gear-name", "Gear name", answers -> "My Gear") {
    @Override
    Optional<String> problem(String value) {
      if (value.isBlank()) {
        return Optional.of("the gear name is empty");
      }
      return value.chars().anyMatch(Character::isISOControl)
          ? Optional.of("the gear name holds a control character")
          : Optional.empty();
    }
  },
  DESCRIPTION(
      "description",
      "--description",
      "Description",
      answers -> "The " + answers.get(GEAR_NAME) + " gear.") {
    @Override
    Optional<String> problem(String value) {
      return value.chars().anyMatch(Character::isISOControl)
          ? Optional.of("the description holds a control character (it must be one line)")
          : Optional.empty();
    }
  },
  PACKAGE_NAME(
      "package_name",
      "--package-name",
      "Package name (the manifest and image name)",
      answers -> slug(answers.get(GEAR_NAME), '-')) {
    @Override
    Optional<String> problem(String value) {
      if (!PACKAGE.matcher(value).matches()) {
        return Optional.of(
            "the package name '"
                + value
                + "' must be lower-case letters, digits and '-' (the manifest name rule"
                + " ^[a-z0-9-]+$), at most 100 characters");
      }
      return Optional.empty();
    }
  },
  MODULE_NAME(
      "module_name",
      "--module-name",
      "Module name (the folder under gears/)",
      answers -> slug(answers.get(GEAR_NAME), '_')) {
    @Override
    Optional<String> problem(String value) {
      return IDENTIFIER.matcher(value).matches()
          ? Optional.empty()
          : Optional.of(
              "the module name '"
                  + value
                  + "' must start with a lower-case letter and hold only lower-case letters,"
                  + " digits and '_'");
    }
  },
  APP_NAME(
      "app_name",
      "--app-name",
      "App package (the Java package of Run and Main)",
      answers -> answers.get(MODULE_NAME) + "_app") {
    @Override
    Optional<String> problem(String value) {
      if (!IDENTIFIER.matcher(value).matches()) {
        return Optional.of(
            "the app package '"
                + value
                + "' must start with a lower-case letter and hold only lower-case letters,"
                + " digits and '_'");
      }
      return JAVA_KEYWORDS.contains(value)
          ? Optional.of("the app package '" + value + "' is a Java keyword")
          : Optional.empty();
    }
  },
  CLASS_NAME(
      "class_name", "--class-name", "Class name", answers -> pascalCase(answers.get(GEAR_NAME))) {
    @Override
    Optional<String> problem(String value) {
      return CLASS.matcher(value).matches()
          ? Optional.empty()
          : Optional.of(
              "the class name '"
                  + value
                  + "' must be a Java class name: an upper-case letter, then letters and digits");
    }
  },
  IMAGE_TAG("image_tag", "--image-tag", "Image tag (the gear version)", answers -> "0.0.1") {
    @Override
    Optional<String> problem(String value) {
      if (value.equals("latest")) {
        return Optional.of("the image tag must be a version, not 'latest'");
      }
      return TAG.matcher(value).matches()
          ? Optional.empty()
          : Optional.of(
              "the image tag '"
                  + value
                  + "' must be a Docker tag such as 0.0.1 (letters, digits, '_', '.', '-')");
    }
  },
  AUTHOR("author", "--author", "Author", answers -> "NACC") {
    @Override
    Optional<String> problem(String value) {
      return oneLine("author", value);
    }
  },
  MAINTAINER("maintainer", "--maintainer", "Maintainer", answers -> "NACC <nacchelp@uw.edu>") {
    @Override
    Optional<String> problem(String value) {
      return oneLine("maintainer", value);
    }
  };

  private static final Pattern PACKAGE = Pattern.compile("[a-z0-9-]{1,100}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern CLASS = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Set<String> JAVA_KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield",
          "sealed",
          "permits");

  private final String variable;
  private final String flag;
  private final String label;
  private final Function<Map<Question, String>, String> defaultValue;

  Question(
      String variable,
      String flag,
      String label,
      Function<Map<Question, String>, String> defaultValue) {
    this.variable = variable;
    this.flag = flag;
    this.label = label;
    this.defaultValue = defaultValue;
  }

  /** The template variable, such as {@code gear_name}. */
  public String variable() {
    return variable;
  }

  public String flag() {
    return flag;
  }

  public String label() {
    return label;
  }

  /** The default, derived from the answers to the questions before this one. */
  public String defaultValue(Map<Question, String> earlierAnswers) {
    return defaultValue.apply(earlierAnswers);
  }

  /** Why a value is not acceptable, or empty when it is. */
  abstract Optional<String> problem(String value);

  private static Optional<String> oneLine(String what, String value) {
    return value.chars().anyMatch(Character::isISOControl)
        ? Optional.of("the " + what + " holds a control character (it must be one line)")
        : Optional.empty();
  }

  /** "Zebra Sync" becomes zebra-sync or zebra_sync: lower case, other characters one separator. */
  static String slug(String name, char separator) {
    String lower = name.toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    for (char c : lower.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        slug.append(c);
      } else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != separator) {
        slug.append(separator);
      }
    }
    while (slug.length() > 0 && slug.charAt(slug.length() - 1) == separator) {
      slug.setLength(slug.length() - 1);
    }
    return slug.toString();
  }

  /** "Zebra Sync" becomes ZebraSync. */
  static String pascalCase(String name) {
    StringBuilder result = new StringBuilder();
    for (String word : slug(name, ' ').split(" ")) {
      if (!word.isEmpty()) {
        result.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    if (result.length() > 0 && Character.isDigit(result.charAt(0))) {
      result.insert(0, "Gear");
    }
    return result.toString();
  }
}
