#!/usr/bin/env bash
# Prepares the newer engines of the test matrix (test/engine/engines.ts) in a cache folder,
# never over the system's Docker: each release's docker.io and containerd packages are
# unpacked with dpkg-deb into <cache>/<release>/. A release already prepared is reused.
#
#   scripts/prepare-engines.sh [debian-unstable] [debian-13]
#
# debian-unstable: Docker 28.5 from the copies in ../shared/engines/debian-unstable (checked
#   against their SHA256SUMS), else downloaded from Debian unstable by name.
# debian-13: Docker 26.1 downloaded from Debian 13 (trixie) by name.
# Downloads use a private sources list and state folder: the system's apt state is untouched.
# The engines run with Debian 12's runc (from the docker.io package .ci/run installs).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${RECLAIM_ENGINE_CACHE:-/var/cache/reclaim-test-engines}
shared_debs="$repo/../shared/engines/debian-unstable"
mkdir -p "$cache"

# The Debian mirror this machine's apt already uses (its first `deb` source for the main
# archive, one-line or deb822 form), so the download goes where apt goes.
debian_mirror() {
  local uri
  uri=$(grep -hoE '^(deb|URIs:)[[:space:]]+(\[[^]]*\][[:space:]]+)?[a-z]+://[^[:space:]]+/debian/?([[:space:]]|$)' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
    grep -oE '[a-z]+://[^[:space:]]+' || true)
  uri=${uri%%$'\n'*}
  if [ -z "$uri" ]; then
    echo "no Debian mirror found in /etc/apt/sources.list*; cannot download engine packages" >&2
    exit 1
  fi
  printf '%s\n' "${uri%/}"
}

# Downloads docker.io and containerd from one Debian suite into $2, with apt's own client.
download() {
  local suite=$1 into=$2 apt_dir mirror
  mirror=$(debian_mirror)
  apt_dir=$(mktemp -d)
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
    "$mirror" "$suite" >"$apt_dir/sources.list"
  local opts=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
    -o Dir::State::status=/dev/null -o APT::Get::List-Cleanup=0
    -o APT::Sandbox::User=root -q)
  apt-get "${opts[@]}" update >/dev/null
  (cd "$into" && apt-get "${opts[@]}" download docker.io containerd >/dev/null)
  rm -rf "$apt_dir"
}

prepare() {
  local release=$1 root="$cache/$1" debs
  if [ -f "$root/.ready" ]; then
    echo "engine $release: ready in $root"
    return
  fi
  rm -rf "$root"
  debs=$(mktemp -d)
  case "$release" in
    debian-unstable)
      if [ -f "$shared_debs/SHA256SUMS" ]; then
        (cd "$shared_debs" && sha256sum --quiet -c SHA256SUMS)
        cp "$shared_debs"/*.deb "$debs/"
      else
        echo "engine $release: $shared_debs is absent; downloading Debian unstable's current packages"
        download unstable "$debs"
      fi
      ;;
    debian-13) download trixie "$debs" ;;
    *)
      echo "unknown engine release: $release (debian-unstable, debian-13)" >&2
      exit 2
      ;;
  esac
  mkdir -p "$root"
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$root"; done
  rm -rf "$debs"
  "$root/usr/sbin/dockerd" --version
  touch "$root/.ready"
  echo "engine $release: prepared in $root"
}

[ $# -gt 0 ] || set -- debian-unstable
for release in "$@"; do prepare "$release"; done
