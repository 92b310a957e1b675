package fwgear.tools.buildfile;

import java.util.Optional;

/**
 * One gear of the repository: a docker_image target and what belongs to it.
 *
 * @param name the docker_image target's name (which the manifest's {@code name} must equal)
 * @param folder the gear's folder relative to the root ({@code gears/project_management})
 * @param manifest the manifest file relative to the root ({@code gears/x/src/docker/manifest.json})
 * @param image the docker_image target, names resolved
 * @param binary the packageable target (deploy_jar, pex_binary) the image depends on, if any
 */
public record Gear(
    String name,
    String folder,
    String manifest,
    DockerImage image,
    Optional<Target.BinaryTarget> binary) {}
