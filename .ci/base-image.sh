#!/usr/bin/env bash
# Builds the local base image of gear images once, and reuses it when it is already in buildah's
# store. CI cannot reach Docker Hub, so the Dockerfiles' public default base (ARG BASE_IMAGE) is
# replaced by this one: Debian bookworm (minbase) with the Java 17 runtime, made by debootstrap.
# Prints the image name on stdout; progress goes to stderr.
#
#   .ci/base-image.sh            # -> localhost/fwgear-base:bookworm-jre17
#   BASE_IMAGE_NAME=x .ci/base-image.sh
set -euo pipefail

image=${BASE_IMAGE_NAME:-localhost/fwgear-base:bookworm-jre17}
buildah=(buildah --storage-driver "${BUILDAH_STORAGE_DRIVER:-vfs}")

if "${buildah[@]}" inspect --type image "$image" >/dev/null 2>&1; then
  echo "base image $image is present: reused" >&2
  echo "$image"
  exit 0
fi

for tool in buildah debootstrap; do
  command -v "$tool" >/dev/null || { echo "base-image: $tool is not installed" >&2; exit 1; }
done

rootfs=$(mktemp -d /var/tmp/fwgear-base.XXXXXX)
container=
cleanup() {
  [[ -n $container ]] && "${buildah[@]}" rm "$container" >/dev/null 2>&1 || true
  rm -rf "$rootfs"
}
trap cleanup EXIT

echo "base-image: debootstrap bookworm with openjdk-17-jre-headless (about a minute)..." >&2
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" >&2

# Debian's JRE ships the JDK's class data sharing archive (lib/server/classes.jsa) already.
# Smaller image: package lists, caches and documentation are not needed at run time.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/*.log

container=$("${buildah[@]}" from scratch)
mount=$("${buildah[@]}" mount "$container")
tar -C "$rootfs" -cf - . | tar -C "$mount" -xpf -
"${buildah[@]}" umount "$container" >/dev/null
"${buildah[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 --cmd /bin/bash "$container"
"${buildah[@]}" commit --quiet --rm "$container" "$image" >/dev/null
container=
echo "base-image: built $image" >&2
echo "$image"
