package fwgear.tools.maven;

import fwgear.problem.InvalidInputException;
import fwgear.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What {@code ./gear} needs from a Maven pom: its coordinates, its parent, its modules and the
 * artifacts it depends on.
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

  public static Pom read(Path file, String displayName) {
    Element project;
    try {
      project = newBuilder().parse(file.toFile()).getDocumentElement();
    } catch (SAXParseException e) {
      throw new InvalidInputException(
          Problem.error(
              displayName, Math.max(e.getLineNumber(), 0), "", "pom-syntax", e.getMessage()));
    } catch (SAXException | IOException e) {
      if (!Files.exists(file)) {
        throw new InvalidInputException(
            Problem.error(displayName, 0, "", "file-missing", "file not found"));
      }
      throw new InvalidInputException(
          Problem.error(displayName, 0, "", "pom-syntax", String.valueOf(e.getMessage())));
    }
    Optional<Element> parentElement = child(project, "parent");
    String parentGroup = parentElement.flatMap(p -> text(p, "groupId")).orElse(null);
    String parentVersion = parentElement.flatMap(p -> text(p, "version")).orElse(null);
    String groupId = text(project, "groupId").orElse(parentGroup);
    String artifactId = text(project, "artifactId").orElse(null);
    if (groupId == null || artifactId == null) {
      throw new InvalidInputException(
          Problem.error(displayName, 0, "project", "pom-coordinates", "no groupId or artifactId"));
    }
    String version = text(project, "version").orElse(parentVersion);
    Optional<String> parent =
        parentElement.map(
            p -> text(p, "groupId").orElse("") + ":" + text(p, "artifactId").orElse(""));

    List<String> modules = new ArrayList<>();
    child(project, "modules")
        .ifPresent(
            m -> children(m, "module").forEach(e -> modules.add(e.getTextContent().strip())));
    List<String> dependencies = new ArrayList<>();
    child(project, "dependencies")
        .ifPresent(
            d ->
                children(d, "dependency")
                    .forEach(
                        dependency -> {
                          String group =
                              text(dependency, "groupId")
                                  .map(g -> g.replace("${project.groupId}", groupId))
                                  .orElse(groupId);
                          text(dependency, "artifactId")
                              .ifPresent(a -> dependencies.add(group + ":" + a));
                        }));
    return new Pom(file, groupId, artifactId, version, parent, modules, dependencies);
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    }
  }

  private static Optional<Element> child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getTagName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().strip()).filter(t -> !t.isEmpty());
  }
}
