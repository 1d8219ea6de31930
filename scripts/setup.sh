#!/usr/bin/env bash
# Installs the Debian packages wwan4j needs, if any are missing. Both README commands run this first.
# Safe to run repeatedly: with everything present it only checks and returns.
# --bench adds what the benchmark's baselines need (./wwan4j bench runs it so): ModemManager with the private
# dbus-daemon and busctl it is measured with. Missing without root, they are named and the bench reports those rows
# missing with the reason; the build's own packages are required either way.
set -euo pipefail

packages=(libqmi-glib-dev libmbim-glib-dev libgirepository1.0-dev libqmi-utils libmbim-utils gcc make maven)
# ModemManager (its qmi-proxy and mbim-proxy come with it), dbus-daemon (dbus), busctl (systemd).
bench_packages=(modemmanager dbus systemd)
bench=false
case ${1:-} in
    --bench) bench=true ;;
    "") ;;
    *) echo "usage: scripts/setup.sh [--bench]" >&2; exit 2 ;;
esac

missing_of() {
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
    done
}
mapfile -t missing < <(missing_of "${packages[@]}")
bench_missing=()
if $bench; then
    mapfile -t bench_missing < <(missing_of "${bench_packages[@]}")
fi
[ ${#missing[@]} -eq 0 ] && [ ${#bench_missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if [ ${#bench_missing[@]} -gt 0 ]; then
        echo "wwan4j setup: the bench's ModemManager rows need ${bench_missing[*]}; they will be missing." >&2
        echo "wwan4j setup: to measure ModemManager too:  sudo apt-get update && sudo apt-get install -y" \
            "--no-install-recommends ${bench_missing[*]}" >&2
    fi
    [ ${#missing[@]} -eq 0 ] && exit 0
    echo "wwan4j setup: missing Debian packages: ${missing[*]}" >&2
    echo "wwan4j setup: run as root, or install them first:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
if [ ${#bench_missing[@]} -gt 0 ]; then
    echo "wwan4j setup: installing ${bench_missing[*]} for the bench's ModemManager baseline (running as root)" >&2
fi
echo "wwan4j setup: installing ${missing[*]} ${bench_missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" "${bench_missing[@]}" >&2
# The bench runs its own ModemManager on a private bus. The system service the package enables would manage this
# machine's real modems (and fight a wwan4j agent for them): a ModemManager installed here only for the bench is
# stopped and disabled, and says so.
if printf '%s\n' "${bench_missing[@]}" | grep -qx modemmanager && [ -d /run/systemd/system ]; then
    echo "wwan4j setup: ModemManager was installed for the bench only: disabling its system service" \
        "(systemctl enable --now ModemManager undoes this)" >&2
    systemctl disable --now ModemManager.service >&2 || true
fi
