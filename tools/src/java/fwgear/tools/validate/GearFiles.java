package fwgear.tools.validate;

import com.fasterxml.jackson.databind.JsonNode;
import fwgear.json.LocatedDocument;
import fwgear.tools.buildfile.DockerImage;
import fwgear.tools.buildfile.Gear;
import fwgear.tools.buildfile.Repository;
import fwgear.tools.docker.Dockerfile;
import fwgear.tools.docker.ImageContext;
import java.util.Map;
import java.util.Optional;

/**
 * One gear as the rules see it: its BUILD targets, and its manifest and Dockerfile when they could
 * be read (a file that cannot be read is reported once, and the rules that need it are skipped).
 *
 * @param context the image's build context (Dockerfile, files, binaries), made once
 */
public record GearFiles(
    Repository repository, Gear gear, Optional<LocatedDocument> manifest, ImageContext context) {

  /** The Dockerfile, parsed once by the build-context rule; empty when it cannot be read. */
  public Optional<Dockerfile> dockerfile() {
    return context.parsed();
  }

  /** The build args the image is built with, by name (settings, then the target). */
  public Map<String, String> buildArgs() {
    return context.buildArgs();
  }

  public DockerImage image() {
    return gear.image();
  }

  /** A manifest value by dotted path; MissingNode when absent or the manifest is unreadable. */
  public JsonNode manifestAt(String path) {
    return manifest
        .map(m -> m.at(path))
        .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  /** The line of a manifest key (its nearest present ancestor's when absent). */
  public int manifestLine(String path) {
    return manifest.map(m -> m.lineOf(path)).orElse(0);
  }

  /** The BUILD file of the gear's docker_image. */
  public String buildFile() {
    return gear.image().target().buildFile();
  }
}
