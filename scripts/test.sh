#!/usr/bin/env bash
# The test command of the README and of CI: set up, build everything, run every module's tests.
# --fast leaves out the suites tagged "slow" (storms, crash loops, recovery ladders, load, fuzzing of whole
# processes, anything over about 2 s) and stops at Maven's test phase (no jars, so an unchanged module is not
# recompiled): the quick check while editing. Extra arguments go to Maven (e.g. scripts/test.sh -pl emulator -am).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
. scripts/java-home.sh
wwan4j_find_java_home
export JAVA_HOME=$WWAN4J_JAVA_HOME
wwan4j_export_maven_opts
phase=verify
args=()
for arg in "$@"; do
    if [ "$arg" = --fast ]; then
        phase=test
        args+=(-DexcludedGroups=slow)
    else
        args+=("$arg")
    fi
done
exec mvn -B -ntp "$phase" "${args[@]}"
