#!/usr/bin/env bash
# Builds the local base images of gear images once, and reuses them when they are already in
# buildah's store. CI cannot reach Docker Hub, so the Dockerfiles' public defaults are replaced by:
#
#   BASE_IMAGE  the runtime base (public default debian:bookworm-slim): Debian bookworm minbase made
#               by debootstrap, without what a gear does not use offline (apt, perl, documentation,
#               locales, iconv modules, time zone files). No Java: each gear image brings its own
#               jlinked runtime.
#   JDK_IMAGE   the build stage that jlinks that runtime (public default eclipse-temurin:25-jdk): the
#               runtime base plus this machine's Temurin 25 JDK at /opt/java/openjdk, as the public
#               image lays it out. Copied from the host (no download, a few seconds). FWGEAR_JDK
#               names another JDK folder (a JDK 17 with jmods, such as Debian's
#               /usr/lib/jvm/java-17-openjdk-amd64, gives images with an AppCDS archive instead).
#
# Prints `export NAME=value` lines on stdout, for eval; progress goes to stderr.
#
#   eval "$(bash .ci/base-image.sh)"     # -> BASE_IMAGE=localhost/fwgear-base:bookworm-minbase
#                                         #    JDK_IMAGE=localhost/fwgear-jdk:temurin-25
set -euo pipefail

base=${BASE_IMAGE_NAME:-localhost/fwgear-base:bookworm-minbase}
jdk_home=${FWGEAR_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
jdk=${JDK_IMAGE_NAME:-localhost/fwgear-jdk:$(basename "$jdk_home" | sed 's/-jdk.*//; s/-amd64$//')}
buildah=(buildah --storage-driver "${BUILDAH_STORAGE_DRIVER:-vfs}")

present() { "${buildah[@]}" inspect --type image "$1" >/dev/null 2>&1; }

rootfs=
container=
cleanup() {
  [[ -n $container ]] && "${buildah[@]}" rm "$container" >/dev/null 2>&1 || true
  [[ -n $rootfs ]] && rm -rf "$rootfs"
}
trap cleanup EXIT

if present "$base"; then
  echo "base-image: $base is present: reused" >&2
else
  for tool in buildah debootstrap; do
    command -v "$tool" >/dev/null || { echo "base-image: $tool is not installed" >&2; exit 1; }
  done
  rootfs=$(mktemp -d /var/tmp/fwgear-base.XXXXXX)
  echo "base-image: debootstrap --variant=minbase bookworm (about a minute)..." >&2
  debootstrap --variant=minbase bookworm "$rootfs" >&2
  # What debian:bookworm-slim leaves out too: package lists and caches, documentation, locales
  # (the C.UTF-8 locale is built into glibc), logs.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/debconf/*-old \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
    "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/common-licenses "$rootfs"/var/log/*.log
  # And what a gear never uses here (about 25 MB): offline, no package can be installed, so apt,
  # and perl, which only package scripts run; glibc's iconv modules (Java converts charsets itself)
  # and the time zone files (Java has its own tzdb.dat). bash, coreutils, sed, grep stay.
  rm -rf "$rootfs"/usr/bin/apt* "$rootfs"/usr/lib/apt "$rootfs"/usr/lib/x86_64-linux-gnu/libapt-* \
    "$rootfs"/etc/apt "$rootfs"/var/lib/apt "$rootfs"/var/cache/apt \
    "$rootfs"/usr/bin/perl* "$rootfs"/usr/lib/x86_64-linux-gnu/perl-base "$rootfs"/usr/share/perl5 \
    "$rootfs"/usr/lib/x86_64-linux-gnu/gconv "$rootfs"/usr/share/zoneinfo
  container=$("${buildah[@]}" from scratch)
  mount=$("${buildah[@]}" mount "$container")
  tar -C "$rootfs" -cf - . | tar -C "$mount" -xpf -
  "${buildah[@]}" umount "$container" >/dev/null
  "${buildah[@]}" config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd /bin/bash "$container"
  "${buildah[@]}" commit --quiet --rm "$container" "$base" >/dev/null
  container=
  rm -rf "$rootfs"
  rootfs=
  echo "base-image: built $base" >&2
fi

if present "$jdk"; then
  echo "base-image: $jdk is present: reused" >&2
else
  [[ -x $jdk_home/bin/jlink ]] || {
    echo "base-image: no JDK with jlink at $jdk_home (set FWGEAR_JDK to a JDK folder)" >&2
    exit 1
  }
  echo "base-image: $jdk: $base with the JDK at $jdk_home as /opt/java/openjdk..." >&2
  container=$("${buildah[@]}" from --pull-never --quiet "$base")
  mount=$("${buildah[@]}" mount "$container")
  mkdir -p "$mount/opt/java/openjdk"
  # Not needed to jlink: the sources. Links are copied as the files they point to: a JDK from Debian
  # packages links its configuration and trust store to /etc, which the base does not have. (The
  # rest must stay as it is: a JDK without jmods links from its own files and checks them.)
  tar -C "$jdk_home" --dereference --exclude=./lib/src.zip -cf - . | tar -C "$mount/opt/java/openjdk" -xpf -
  "${buildah[@]}" umount "$container" >/dev/null
  "${buildah[@]}" config --env JAVA_HOME=/opt/java/openjdk \
    --env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "$container"
  "${buildah[@]}" commit --quiet --rm "$container" "$jdk" >/dev/null
  container=
  echo "base-image: built $jdk" >&2
fi

echo "export BASE_IMAGE=$base"
echo "export JDK_IMAGE=$jdk"
