#!/bin/sh
# A self-executing jar (as a pex is a self-executing zip): this preamble finds java, then runs the
# zip appended to it. It does not rely on the image's ENV, since Flywheel runs a gear with a bare
# PATH: JAVA_HOME if set, then known JRE locations, then PATH. A class data sharing archive next to
# the jar ("$0.jsa", written by FWGEAR_CDS_DUMP=1 at image build time) makes the start faster.
jar=$0
java=
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /opt/java/openjdk/bin/java \
  /usr/lib/jvm/default-java/bin/java /usr/lib/jvm/*/bin/java; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then java=$candidate; break; fi
done
[ -n "$java" ] || java=$(command -v java) || { echo "$jar: no java found (JAVA_HOME, /opt/java/openjdk, /usr/lib/jvm, PATH)" >&2; exit 127; }
if [ -n "${FWGEAR_CDS_DUMP:-}" ]; then
  exec "$java" -XX:ArchiveClassesAtExit="$jar.jsa" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData $JAVA_OPTS -jar "$jar" "$@"
elif [ -r "$jar.jsa" ]; then
  exec "$java" -XX:SharedArchiveFile="$jar.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData $JAVA_OPTS -jar "$jar" "$@"
fi
exec "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData $JAVA_OPTS -jar "$jar" "$@"
