package fwgear.tools.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Maven modules of a repository (the root pom's {@code <modules>}, recursively) and which of
 * them each module depends on. Enough to find the module that holds a BUILD folder's sources and
 * the files that can change its class path, without starting Maven.
 */
public final class MavenReactor {
  /** One module: its folder, coordinates and the reactor modules it depends on directly. */
  public record Module(Path folder, String artifactId, List<String> dependencies) {}

  private final Path root;
  private final Map<String, Module> byArtifactId;
  private final List<Path> aggregatorPoms;

  private MavenReactor(Path root, Map<String, Module> byArtifactId, List<Path> aggregatorPoms) {
    this.root = root;
    this.byArtifactId = byArtifactId;
    this.aggregatorPoms = aggregatorPoms;
  }

  public static MavenReactor load(Path root) throws IOException {
    Map<String, Module> modules = new LinkedHashMap<>();
    List<Path> aggregators = new ArrayList<>();
    Deque<Path> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      Path folder = pending.pop();
      Path pom = folder.resolve("pom.xml");
      if (!Files.isRegularFile(pom)) {
        continue;
      }
      Element project = parse(pom).getDocumentElement();
      List<String> children = texts(child(project, "modules"), "module");
      if (!children.isEmpty() || folder.equals(root)) {
        aggregators.add(pom);
      }
      children.forEach(module -> pending.add(folder.resolve(module).normalize()));
      String artifactId = text(project, "artifactId").orElse(folder.getFileName().toString());
      List<String> dependencies = new ArrayList<>();
      Element deps = child(project, "dependencies");
      if (deps != null) {
        for (Element dependency : elements(deps, "dependency")) {
          text(dependency, "artifactId").ifPresent(dependencies::add);
        }
      }
      modules.put(artifactId, new Module(folder, artifactId, List.copyOf(dependencies)));
    }
    return new MavenReactor(root, modules, List.copyOf(aggregators));
  }

  /**
   * The module whose folder is the nearest one at or above {@code folder} (but not the root's
   * parent).
   */
  public Optional<Module> moduleOf(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    for (Path dir = absolute; dir != null && dir.startsWith(root); dir = dir.getParent()) {
      for (Module module : byArtifactId.values()) {
        if (module.folder().equals(dir)) {
          return Optional.of(module);
        }
      }
    }
    return Optional.empty();
  }

  /** The module and every reactor module it depends on, transitively. */
  public Set<Module> closure(Module module) {
    Set<Module> closure = new LinkedHashSet<>();
    Deque<Module> pending = new ArrayDeque<>(List.of(module));
    while (!pending.isEmpty()) {
      Module next = pending.pop();
      if (closure.add(next)) {
        next.dependencies().stream()
            .map(byArtifactId::get)
            .filter(java.util.Objects::nonNull)
            .forEach(pending::add);
      }
    }
    return closure;
  }

  /** The poms that list modules (they carry the shared plugin and dependency versions). */
  public List<Path> aggregatorPoms() {
    return aggregatorPoms;
  }

  public Path root() {
    return root;
  }

  private static Document parse(Path pom) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(pom.toFile());
    } catch (Exception e) {
      throw new IOException(pom + ": not a readable pom (" + e.getMessage() + ")", e);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> elements(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static List<String> texts(Element parent, String name) {
    if (parent == null) {
      return List.of();
    }
    return elements(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
  }

  private static Optional<String> text(Element parent, String name) {
    return Optional.ofNullable(child(parent, name)).map(e -> e.getTextContent().trim());
  }
}
