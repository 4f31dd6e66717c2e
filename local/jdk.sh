# Sourced by ./herald and .ci/run: selects a JDK 21 or newer into JAVA_HOME and PATH.
# Keeps JAVA_HOME when it already points at one; otherwise takes the newest under /usr/lib/jvm.
jdk_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(jdk_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  best=0
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best" ]; then
      best=$major
      JAVA_HOME=$candidate
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "Herald needs a JDK 21 or newer: set JAVA_HOME to one (none found under /usr/lib/jvm)." >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
