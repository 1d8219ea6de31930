#!/usr/bin/env bash
# The agent as an installable package (docs/packaging.md):
#   OUT_DIR/tree                         the install tree, laid out as on the target's root file system
#   OUT_DIR/wwan4j_VERSION_ARCH.deb      that tree as a Debian package (dpkg-deb), and wwan4j.deb, the same file
#                                        under a fixed name for packaging/Containerfile
#   OUT_DIR/sizes.txt                    what it adds to an image, beside ModemManager (also printed)
# Usage: scripts/package.sh [--no-build] [OUT_DIR]   (OUT_DIR defaults to target/package in the repository)
# Builds the project first if needed, as ./wwan4j does; --no-build uses cli/target as it is (./wwan4j package has
# just built it; tests run after Maven's package phase and must not start Maven again).
set -euo pipefail
umask 022
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
usage="usage: scripts/package.sh [--no-build] [OUT_DIR]"
# With the base class-data archive (--cds): 13 MB more on disk, 12 MB less memory for the agent, whose quiet-time
# trim can hand archived class metadata back but not metaspace (benchmarks/README.md, third round).
runtime_options=(--cds)
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) runtime_options+=(--no-build) ;;
        -h|--help) echo "$usage"; exit 0 ;;
        -*) echo "$usage" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
[ $# -le 1 ] || { echo "$usage" >&2; exit 2; }
out=$(mkdir -p "${1:-$root/target/package}" && cd "${1:-$root/target/package}" && pwd)
command -v dpkg-deb >/dev/null || { echo "wwan4j package: no dpkg-deb (Debian's dpkg package)" >&2; exit 1; }

# What the package needs from the system: libqmi and libmbim (their sonames, libqmi-glib.so.5 and
# libmbim-glib.so.4, are what the bindings load), GLib, and ping for the default connectivity probe.
depends=(libqmi-glib5 libmbim-glib4 libglib2.0-0 iputils-ping)
# The libraries ModemManager needs as much as wwan4j does: counted on neither side of the comparison.
shared_libraries=(libqmi-glib5 libmbim-glib4)
prefix=usr/lib/wwan4j

# A Debian version from the POM's: a snapshot sorts before its release (~) and after older snapshots (commit time).
pom_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)
[ -n "$pom_version" ] || { echo "wwan4j package: no <version> in pom.xml" >&2; exit 1; }
version=${pom_version/-SNAPSHOT/~snapshot}
if [ "$version" != "$pom_version" ] && commit=$(git -C "$root" log -1 --format=%cd.g%h \
        --date=format:%Y%m%d%H%M%S 2>/dev/null); then
    version=$version.$commit
fi
architecture=$(dpkg --print-architecture)

tree=$out/tree
rm -rf "$tree"
mkdir -p "$tree/$prefix" "$tree/usr/bin" "$tree/lib/systemd/system" "$tree/etc/wwan4j" \
    "$tree/usr/share/doc/wwan4j/examples" "$tree/DEBIAN"
# The minimal runtime (jlink image, jars, start script) is the package's payload; the start script resolves its
# own location through the /usr/bin symlink.
"$root/scripts/runtime.sh" "${runtime_options[@]}" "$tree/$prefix"
ln -s "../lib/wwan4j/bin/wwan4j" "$tree/usr/bin/wwan4j"
install -m 0644 "$root/packaging/wwan4j-agent.service" "$tree/lib/systemd/system/"
install -m 0644 "$root/packaging/agent.json" "$tree/etc/wwan4j/agent.json"
install -m 0644 "$root/packaging/examples/"*.json "$tree/usr/share/doc/wwan4j/examples/"
install -m 0644 "$root/docs/packaging.md" "$tree/usr/share/doc/wwan4j/"

installed_kb=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
{
    echo "Package: wwan4j"
    echo "Version: $version"
    echo "Architecture: $architecture"
    echo "Maintainer: ${WWAN4J_MAINTAINER:-wwan4j developers <wwan4j@localhost>}"
    echo "Installed-Size: $installed_kb"
    echo "Depends: $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')"
    echo "Section: net"
    echo "Priority: optional"
    echo "Description: cellular modem agent over libqmi and libmbim (QMI/MBIM)"
    echo " Keeps LTE/5G modems online: one long-lived device per modem, indications instead"
    echo " of polling, IP settings over rtnetlink, a recovery ladder and a status file."
    echo " Runs from its own minimal Java runtime under /usr/lib/wwan4j; the service"
    echo " wwan4j-agent reads /etc/wwan4j/agent.json."
} >"$tree/DEBIAN/control"
echo /etc/wwan4j/agent.json >"$tree/DEBIAN/conffiles"
# The service is not enabled on install: it manages whatever modem the config matches, so it starts once the
# config is edited (systemctl enable --now wwan4j-agent).
cat >"$tree/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
EOF
cat >"$tree/DEBIAN/prerm" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
    systemctl stop wwan4j-agent.service || true
fi
EOF
cat >"$tree/DEBIAN/postrm" <<'EOF'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
if [ "$1" = purge ]; then
    rm -rf /var/lib/wwan4j
fi
EOF
chmod 0755 "$tree/DEBIAN/postinst" "$tree/DEBIAN/prerm" "$tree/DEBIAN/postrm"

deb=$out/wwan4j_${version}_$architecture.deb
rm -f "$out"/wwan4j_*.deb "$out/wwan4j.deb"
dpkg-deb --root-owner-group -Zxz --build "$tree" "$deb" >/dev/null
ln -f "$deb" "$out/wwan4j.deb"

# Sizes: what each side adds to a minimal Debian (debian:12-slim holds the Essential and required packages), with
# the libraries both need counted apart. From the packages installed here, so a side's own dependencies are known
# only where it is installed.
installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}
closure() { # the installed packages the given ones pull in, themselves included, one per line
    local -A seen=()
    local queue=("$@") package item alternative name
    local -a items alternatives
    while [ ${#queue[@]} -gt 0 ]; do
        package=${queue[0]}
        queue=("${queue[@]:1}")
        [ -z "${seen[$package]:-}" ] && installed "$package" || continue
        seen[$package]=1
        IFS=',' read -ra items <<<"$(dpkg-query -W -f='${Depends},${Pre-Depends}' "$package")"
        for item in "${items[@]}"; do
            IFS='|' read -ra alternatives <<<"$item"
            for alternative in "${alternatives[@]}"; do
                name=$(sed -e 's/([^)]*)//' -e 's/:any//' -e 's/[[:space:]]//g' <<<"$alternative")
                if [ -n "$name" ] && installed "$name"; then
                    queue+=("$name")
                    break
                fi
            done
        done
    done
    [ ${#seen[@]} -eq 0 ] || printf '%s\n' "${!seen[@]}" | sort
}
minus() { # the lines of standard input (sorted) that are in none of the given files
    sort -u "$@" >"$work/minus"
    comm -23 - "$work/minus"
}
installed_size_kb() { # the sum of the Installed-Size fields of the packages listed in $1
    local total=0 package
    while read -r package; do
        total=$((total + $(dpkg-query -W -f='${Installed-Size}' "$package")))
    done <"$1"
    echo "$total"
}
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb * 1024 / 1e6 }'; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
closure $(dpkg-query -W -f='${Package} ${Priority} ${Essential}\n' | awk '$2 == "required" || $3 == "yes" { print $1 }') \
    >"$work/base"
closure "${shared_libraries[@]}" | minus "$work/base" >"$work/shared"
closure "${depends[@]}" | minus "$work/base" "$work/shared" >"$work/wwan4j-deps"
tree_bytes=$(du -sb --exclude=DEBIAN "$tree" | cut -f1)
tree_kb=$((tree_bytes / 1024))
deps_kb=$(installed_size_kb "$work/wwan4j-deps")
deps_text=$(paste -sd' ' "$work/wwan4j-deps")
deps_text=${deps_text:+$deps_text $(mb "$deps_kb")}
not_here=()
for package in "${depends[@]}"; do
    installed "$package" || not_here+=("$package")
done
{
    echo "package: $deb ($(( $(stat -c %s "$deb") / 1024 )) kB)"
    echo "wwan4j adds $(mb $((tree_kb + deps_kb))) to debian:12-slim: the install tree $(mb "$tree_kb")" \
        "(runtime $(mb $(( $(du -sb "$tree/$prefix/jre" | cut -f1) / 1024 ))), jars" \
        "$(mb $(( $(du -sb "$tree/$prefix/lib" | cut -f1) / 1024 ))))" \
        "${deps_text:++ $deps_text}" \
        "${not_here[*]:+(not installed here, so not counted: ${not_here[*]})}"
    echo "shared with ModemManager: $(paste -sd' ' "$work/shared") $(mb "$(installed_size_kb "$work/shared")")"
    if installed modemmanager; then
        closure modemmanager | minus "$work/base" "$work/shared" >"$work/mm"
        echo "ModemManager adds $(mb "$(installed_size_kb "$work/mm")") to debian:12-slim:" \
            "$(paste -sd' ' "$work/mm") (dpkg Installed-Size)"
    else
        echo "ModemManager: not installed here, its size is not computed (apt-get install modemmanager)"
    fi
} | sed -e "s/  */ /g" -e "s/ $//" | tee "$out/sizes.txt" | sed 's/^/wwan4j package: /' >&2
