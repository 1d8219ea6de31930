#!/usr/bin/env bash
# A minimal runtime for the agent, for an edge image that pays for every byte on disk:
#   OUT_DIR/jre         jlink image with only the modules the agent needs (jdeps over the agent's jars)
#   OUT_DIR/lib         the command-line jar and its runtime jars (cli/target/lib), nothing test- or benchmark-only
#   OUT_DIR/bin/wwan4j  runs the CLI from the two with the launcher's JVM flags and environment
# Usage: scripts/runtime.sh [--no-build] [--cds] [OUT_DIR]   (OUT_DIR defaults to target/runtime in the repository)
# Builds the project first if needed, as ./wwan4j does; --no-build uses cli/target as it is (./wwan4j runtime
# has just built it; tests run after Maven's package phase and must not start Maven again).
# --cds trades disk for memory: a base class-data archive in the image (+13 MB) and, as under ./wwan4j, an archive
# per command written by its first run (16 MB for `agent`) into $WWAN4J_CDS_DIR (default OUT_DIR/cds, must be
# writable); the agent then maps about 13 MB less and starts faster. Without it the JVM runs with no archive at
# all: a base archive alone changes nothing the agent maps (benchmarks/README.md, Disk).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
usage="usage: scripts/runtime.sh [--no-build] [--cds] [OUT_DIR]"
build=true
cds=false
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) build=false ;;
        --cds) cds=true ;;
        -h|--help) echo "$usage"; exit 0 ;;
        -*) echo "$usage" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
[ $# -le 1 ] || { echo "$usage" >&2; exit 2; }
out=$(mkdir -p "${1:-$root/target/runtime}" && cd "${1:-$root/target/runtime}" && pwd)
jar=$root/cli/target/wwan4j-cli.jar
lib=$root/cli/target/lib

# Found by `jdeps --print-module-deps` below; listed here only what jdeps cannot see (reflection, services). The
# agent needs nothing more: FFM (the bindings, inotify, netlink) is in java.base, no dependency touches
# sun.misc.Unsafe (jdk.unsupported), and the metrics endpoint's jdk.httpserver is a static dependency.
extra_modules=
# Everything jlink can drop without the agent noticing: Java debug attributes (stack traces keep no line numbers
# for JDK frames), headers, man pages; the class files compressed in lib/modules.
jlink_options=(--strip-debug --no-header-files --no-man-pages --compress zip-9)
if $cds; then
    jlink_options+=(--generate-cds-archive)
fi

if $build; then
    "$root/wwan4j" --version >/dev/null # builds only when sources changed, exactly as every launcher run does
fi
[ -f "$jar" ] && [ -d "$lib" ] || { echo "wwan4j runtime: $jar or $lib missing; build first (./wwan4j --version)" >&2
    exit 1; }
. "$root/scripts/java-home.sh"
wwan4j_find_java_home
for tool in jdeps jlink; do
    [ -x "$WWAN4J_JAVA_HOME/bin/$tool" ] || {
        echo "wwan4j runtime: no $tool in $WWAN4J_JAVA_HOME (jlink and jdeps come with a JDK, not a JRE);" \
            "point JAVA_HOME at a JDK 22+" >&2
        exit 1; }
done
feature=$(wwan4j_java_feature "$WWAN4J_JAVA_HOME")

# The launcher's JVM flags (scripts/jvm-flags, which the launcher and the benchmark harness read too) and its
# top-level `export NAME=...` lines, so the runtime runs exactly as the launcher does.
flags_of() {
    sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
}
launcher_flags() {
    flags_of "$root/scripts/jvm-flags"
}
launcher_exports() {
    grep -E '^export [A-Z_][A-Z0-9_]*=' "$root/wwan4j" || true
}
mapfile -t flags < <(launcher_flags)
[ ${#flags[@]} -gt 0 ] || exit 1
for flag in "${flags[@]}"; do
    case $flag in -*) ;; *) echo "wwan4j runtime: unexpected launcher flag '$flag'" >&2; exit 1 ;; esac
done
# The long-running agent's own flags (scripts/agent-jvm-flags), as the launcher adds them for `agent`. They go into
# the start script as one shell word list, so each must be a single word without quotes or glob characters.
mapfile -t agent_flags < <(flags_of "$root/scripts/agent-jvm-flags")
for flag in "${agent_flags[@]}"; do
    case $flag in
        -*[[:space:]\'\"\\\*\?\[\$\`]*|[!-]*)
            echo "wwan4j runtime: unexpected agent flag '$flag' in scripts/agent-jvm-flags" >&2; exit 1 ;;
    esac
done

modules=$("$WWAN4J_JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$feature" \
    "$jar" "$lib"/*.jar)
modules=$modules${extra_modules:+,$extra_modules}
echo "wwan4j runtime: modules $modules" >&2

staging=$out/.staging
rm -rf "$staging"
mkdir -p "$staging/lib" "$staging/bin"
# With --cds, jlink's dump warns about the JDK's class list naming classes of modules left out (java.logging).
"$WWAN4J_JAVA_HOME/bin/jlink" --add-modules "$modules" "${jlink_options[@]}" --output "$staging/jre" 2>&1 |
    { grep -v -e '\[warning\]\[cds\]' -e '^Created CDS archive' || true; } >&2
cp "$jar" "$lib"/*.jar "$staging/lib/"
# jlink's --strip-debug leaves the symbol tables of the JVM's own libraries (5 MB of libjvm.so); a crash log then
# names JVM frames as library+offset, which the unstripped libjvm.so of the same JDK build resolves.
if command -v strip >/dev/null; then
    find "$staging/jre" -name '*.so' -exec strip --strip-unneeded {} +
else
    echo "wwan4j runtime: no strip (binutils); the JVM's libraries keep their symbol tables" >&2
fi
# The archive for -XX:-UseCompressedOops, a heap of 32 GB or more: never with the launcher's flags.
rm -f "$staging/jre/lib/server/classes_nocoops.jsa"

quoted() { # one shell word per argument, single-quoted, for the generated script
    local word
    for word in "$@"; do
        printf " '%s'" "${word//\'/\'\\\'\'}"
    done
}
exec_line() { # the java command line; $1: words to put after the launcher's flags, as shell text
    echo '# shellcheck disable=SC2086'
    echo 'exec "$here/jre/bin/java"'"$(quoted "${flags[@]}")"' $agent_flags '"$1"'${WWAN4J_JAVA_OPTS:-} -cp "$here/lib/*" \'
    echo '    org.wwan4j.cli.Wwan4jCli "$@"'
}
{
    echo '#!/bin/sh'
    echo '# wwan4j from its own minimal runtime (generated by scripts/runtime.sh; the flags are the launcher'"'"'s).'
    echo '# Set WWAN4J_JAVA_OPTS to add or override JVM flags.'
    echo 'here=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)'
    launcher_exports
    echo '# The long-running agent'"'"'s own flags after the common ones (scripts/agent-jvm-flags in the source tree).'
    echo 'agent_flags='
    echo 'if [ "${1:-}" = agent ]; then agent_flags="'"${agent_flags[*]}"'"; fi'
    if $cds; then
        echo '# A class-data archive per command, as under ./wwan4j: written when its first run exits, mapped by later ones.'
        echo 'cds=${WWAN4J_CDS_DIR:-$here/cds}'
        echo 'case ${1:-} in'
        echo '    *[!a-z-]*|-*|"") ;;'
        echo '    *) if mkdir -p "$cds" 2>/dev/null; then'
        exec_line '-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$cds/$1.jsa" ' | sed 's/^/        /'
        echo '    fi ;;'
        echo 'esac'
    fi
    exec_line ''
} >"$staging/bin/wwan4j"
chmod +x "$staging/bin/wwan4j"

# The check that the image is complete: the CLI must start from it.
"$staging/bin/wwan4j" --version >/dev/null || {
    echo "wwan4j runtime: the CLI does not start from $staging; modules: $modules" >&2; exit 1; }

rm -rf "$out/jre" "$out/lib" "$out/bin" "$out/cds" # an old archive belongs to the old image
mv "$staging/jre" "$staging/lib" "$staging/bin" "$out/"
rmdir "$staging"
echo "wwan4j runtime: $out ($(du -sb "$out/jre" | cut -f1) bytes jre, $(du -sb "$out/lib" | cut -f1) bytes lib)" >&2
