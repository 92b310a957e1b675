#!/bin/sh
# A self-executing jar (as a pex is a self-executing zip): this preamble finds java, then runs the
# zip appended to it. It does not rely on the image's ENV, since Flywheel runs a gear with a bare
# PATH: JAVA_HOME if set, then known JRE locations (the last under /usr/lib/jvm in name order, so
# java-21-* before java-17-*), then PATH.
# A class data sharing archive beside the jar ("$0.jsa", written when FWGEAR_CDS_DUMP is set, at
# image build time) makes the start faster.
jar=$0
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
  exec "$java" -XX:ArchiveClassesAtExit="$jar.jsa" $options $JAVA_OPTS -jar "$jar" "$@"
elif [ -r "$jar.jsa" ]; then
  exec "$java" -XX:SharedArchiveFile="$jar.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
    $options $JAVA_OPTS -jar "$jar" "$@"
fi
exec "$java" $options $JAVA_OPTS -jar "$jar" "$@"
