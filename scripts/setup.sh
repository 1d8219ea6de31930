#!/usr/bin/env bash
# Installs the Debian packages wwan4j needs, if any are missing. Both README commands run this first.
# Safe to run repeatedly: with everything present it only checks and returns.
set -euo pipefail

packages=(libqmi-glib-dev libmbim-glib-dev libgirepository1.0-dev libqmi-utils libmbim-utils gcc make maven)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "wwan4j setup: missing Debian packages: ${missing[*]}" >&2
    echo "wwan4j setup: run as root, or install them first:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "wwan4j setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
