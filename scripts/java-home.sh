# Sourced by ./wwan4j and scripts/*.sh: sets WWAN4J_JAVA_HOME to a JDK 22+ or explains what to install.
# Order: $JAVA_HOME if it is 22+, else a Temurin 25+ under /usr/lib/jvm, else any JDK 22+ there.

wwan4j_java_feature() { # prints the feature version (e.g. 25) of the java at $1/bin/java, or nothing
    [ -x "$1/bin/java" ] || return 0
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

wwan4j_find_java_home() {
    local candidate version
    if [ -n "${JAVA_HOME:-}" ]; then
        version=$(wwan4j_java_feature "$JAVA_HOME")
        if [ -n "$version" ] && [ "$version" -ge 22 ]; then
            WWAN4J_JAVA_HOME=$JAVA_HOME; return 0
        fi
    fi
    for candidate in /usr/lib/jvm/temurin-2[5-9]-jdk* /usr/lib/jvm/temurin-[3-9][0-9]-jdk* /usr/lib/jvm/*; do
        [ -d "$candidate" ] || continue
        version=$(wwan4j_java_feature "$candidate")
        if [ -n "$version" ] && [ "$version" -ge 22 ]; then
            WWAN4J_JAVA_HOME=$candidate; return 0
        fi
    done
    echo "wwan4j: no JDK 22 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm)." >&2
    echo "wwan4j: install JDK 25 (e.g. Temurin 25 into /usr/lib/jvm/temurin-25-jdk-amd64) or point JAVA_HOME at a JDK 22+." >&2
    return 1
}

# Maven 3.8's bundled Guava touches sun.misc.Unsafe; JDK 24+ warns about it on every build. Silence only that.
wwan4j_export_maven_opts() {
    local version
    version=$(wwan4j_java_feature "$WWAN4J_JAVA_HOME")
    if [ -n "$version" ] && [ "$version" -ge 24 ]; then
        export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
    fi
}
