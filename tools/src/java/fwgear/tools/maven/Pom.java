package fwgear.tools.maven;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * What {@code ./gear} needs from a Maven pom, read with Maven's own model reader: its coordinates,
 * its parent, its modules and the artifacts it depends on.
 *
 * @param groupId the pom's group, or its parent's when it inherits it
 * @param version the pom's version, or its parent's when it inherits it
 * @param parent the parent's {@code groupId:artifactId}, if any
 * @param modules the {@code <modules>} entries, as written
 * @param dependencies {@code groupId:artifactId} of every dependency ({@code ${project.groupId}}
 *     resolved)
 */
public record Pom(
    Path file,
    String groupId,
    String artifactId,
    String version,
    Optional<String> parent,
    List<String> modules,
    List<String> dependencies) {

  public Pom {
    modules = List.copyOf(modules);
    dependencies = List.copyOf(dependencies);
  }

  /** {@code groupId:artifactId}. */
  public String key() {
    return groupId + ":" + artifactId;
  }

  /**
   * Reads a pom (leniently, as Maven does: unknown elements are not refused).
   *
   * @throws InvalidInputException naming the file, and the line of a syntax error
   */
  public static Pom read(Path file, String displayName) {
    Model model;
    try (Reader reader = Files.newBufferedReader(file)) {
      model = new MavenXpp3Reader().read(reader, false);
    } catch (XmlPullParserException e) {
      throw new InvalidInputException(
          Problem.error(
              displayName, Math.max(e.getLineNumber(), 0), "", "pom-syntax", e.getMessage()));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "file-missing", "file not found"));
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "pom-syntax", String.valueOf(e.getMessage())));
    }
    Parent parent = model.getParent();
    String groupId =
        Optional.ofNullable(model.getGroupId()).orElse(parent == null ? null : parent.getGroupId());
    if (groupId == null || model.getArtifactId() == null) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "project", "pom-coordinates", "no groupId or artifactId"));
    }
    String version =
        Optional.ofNullable(model.getVersion()).orElse(parent == null ? null : parent.getVersion());
    List<String> dependencies =
        model.getDependencies().stream()
            .filter(d -> d.getArtifactId() != null)
            .map(
                d ->
                    Optional.ofNullable(d.getGroupId())
                            .map(g -> g.replace("${project.groupId}", groupId))
                            .orElse(groupId)
                        + ":"
                        + d.getArtifactId())
            .toList();
    return new Pom(
        file,
        groupId,
        model.getArtifactId(),
        version,
        Optional.ofNullable(parent)
            .map(
                p ->
                    Optional.ofNullable(p.getGroupId()).orElse("")
                        + ":"
                        + Optional.ofNullable(p.getArtifactId()).orElse("")),
        model.getModules().stream().map(String::strip).toList(),
        dependencies);
  }
}
