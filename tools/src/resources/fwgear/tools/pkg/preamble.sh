#!/bin/sh
# A self-executing jar (as a pex is a self-executing zip): this preamble finds java, then runs the
# zip appended to it. It does not rely on the image's ENV, since Flywheel runs a gear with a bare
# PATH: JAVA_HOME if set, then known JRE locations (the last under /usr/lib/jvm in name order, so
# java-21-* before java-17-*), then PATH.
# A start-up archive beside the jar makes the start faster: "$0.aot", an AOT cache (Java 24+), or
# "$0.jsa", a class data sharing archive (Java 17-23). FWGEAR_CDS_DUMP=1 writes the one the java
# found supports, from this run (at image build time: a run on an empty config), after a run that
# records the manifest it checked ("$0.manifest", see fwgear.context.ValidatedManifest).
jar=$0
# The main class, written here by ./gear package (the jar's Main-Class too): the JVM is started
# with -cp and the class instead of -jar, since -jar opens the jar to read its manifest, which for
# a fat jar of some 10,000 entries costs several milliseconds of every start.
main='@MAIN_CLASS@'
java=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
elif [ -x /opt/java/openjdk/bin/java ]; then
  java=/opt/java/openjdk/bin/java
elif [ -x /usr/lib/jvm/default-java/bin/java ]; then
  java=/usr/lib/jvm/default-java/bin/java
else
  for candidate in /usr/lib/jvm/*/bin/java; do
    if [ -x "$candidate" ]; then java=$candidate; fi
  done
fi
[ -n "$java" ] || java=$(command -v java) || {
  echo "$jar: no java found (JAVA_HOME, /opt/java/openjdk, /usr/lib/jvm, PATH)" >&2
  exit 127
}
options="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
if [ -n "${FWGEAR_CDS_DUMP:-}" ]; then
  # First a run that checks the gear's manifest in full and, when the spec's schema finds nothing,
  # keeps a copy of it in "$jar.manifest": later starts that read the same bytes skip that check
  # (the schema library's costliest work), and so does the run that records the archive.
  "$java" -Dfwgear.record-manifest="$jar.manifest" $options $JAVA_OPTS -cp "$jar" "$main" "$@" \
    >/dev/null 2>&1
fi
manifest=
[ -r "$jar.manifest" ] && manifest=-Dfwgear.validated-manifest=$jar.manifest
if [ -n "${FWGEAR_CDS_DUMP:-}" ]; then
  # The run's own exit status does not matter (on an empty config it is 2): the archive does.
  if "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
    archive=$jar.aot
    "$java" -XX:AOTCacheOutput="$archive" ${manifest:+"$manifest"} $options $JAVA_OPTS \
      -cp "$jar" "$main" "$@"
  else
    archive=$jar.jsa
    "$java" -XX:ArchiveClassesAtExit="$archive" ${manifest:+"$manifest"} $options $JAVA_OPTS \
      -cp "$jar" "$main" "$@"
  fi
  if [ -s "$archive" ]; then
    echo "$jar: wrote $archive" >&2
    exit 0
  fi
  echo "$jar: $java wrote no start-up archive $archive" >&2
  exit 1
fi
if [ -r "$jar.aot" ]; then
  exec "$java" -XX:AOTCache="$jar.aot" ${manifest:+"$manifest"} $options $JAVA_OPTS \
    -cp "$jar" "$main" "$@"
elif [ -r "$jar.jsa" ]; then
  exec "$java" -XX:SharedArchiveFile="$jar.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
    ${manifest:+"$manifest"} $options $JAVA_OPTS -cp "$jar" "$main" "$@"
fi
exec "$java" ${manifest:+"$manifest"} $options $JAVA_OPTS -cp "$jar" "$main" "$@"
