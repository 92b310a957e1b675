package fwgear.tools.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans a gear's local process the way Flywheel starts it in a job: the manifest's command in a
 * bash shell, in the run folder, with no environment but the default PATH, the manifest's {@code
 * environment} and {@code FLYWHEEL} pointing at the run folder. Paths of the image in the command
 * (the binary the Dockerfile copies to {@code /bin/run}, files under {@code /flywheel/v0}) become
 * their local counterparts.
 */
public final class LocalLaunch {
  /** The PATH a Flywheel job gets (gear spec). */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private LocalLaunch() {}

  /**
   * @param command the manifest's command
   * @param manifestEnvironment the manifest's {@code environment}
   * @param binaries in-image paths mapped to local files (from the Dockerfile's COPYs)
   */
  public static GearLaunch plan(
      String command,
      Map<String, String> manifestEnvironment,
      RunFolder folder,
      Map<String, Path> binaries) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", DEFAULT_PATH);
    environment.putAll(manifestEnvironment);
    environment.put("FLYWHEEL", folder.root().toString());
    String shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "bash";
    return new GearLaunch(
        List.of(shell, "-c", localize(command, binaries, folder.root())),
        folder.root(),
        environment);
  }

  /**
   * Replaces whole words of the command that are in-image paths: mapped binaries first (the longest
   * path first), then {@code /flywheel/v0} and anything under it by the run folder.
   */
  static String localize(String command, Map<String, Path> binaries, Path runFolder) {
    String result = command;
    List<String> paths =
        binaries.keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList();
    for (String inImage : paths) {
      result = replaceWord(result, inImage, quote(binaries.get(inImage).toString()));
    }
    Matcher base =
        Pattern.compile(
                "(?<=^|[\\s'\"=])"
                    + Pattern.quote(RunFolderPreparer.FLYWHEEL_BASE)
                    + "(?=/|$|[\\s'\"])")
            .matcher(result);
    return base.replaceAll(Matcher.quoteReplacement(runFolder.toString()));
  }

  private static String replaceWord(String text, String word, String replacement) {
    return Pattern.compile("(?<=^|[\\s'\"=])" + Pattern.quote(word) + "(?=$|[\\s'\"])")
        .matcher(text)
        .replaceAll(Matcher.quoteReplacement(replacement));
  }

  /** A path as one shell word. */
  static String quote(String path) {
    if (path.matches("[A-Za-z0-9_./@%+=:,-]+")) {
      return path;
    }
    return "'" + path.replace("'", "'\\''") + "'";
  }
}
