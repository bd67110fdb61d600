#!/usr/bin/env bash
# NullAway checks the main code in JSpecify mode only with a javac that reads type-use annotations from class
# files: JDK 17.0.19+, 21.0.8+ or 22+ (on an older JDK the build checks in NullAway's standard mode instead).
# CI checks in JSpecify mode: an older Debian OpenJDK 17 is brought up to date from Debian's packages first.
set -euo pipefail

log() { echo "jdk.sh: $*" >&2; }

version=$(javac -version 2>&1 | awk '{print $2}')
IFS=. read -r major _ patch _ <<<"$version"
if [ "$major" = 17 ] && [ "${patch:-0}" -lt 19 ] && dpkg -s openjdk-17-jdk-headless >/dev/null 2>&1; then
  log "javac $version predates 17.0.19: updating Debian's OpenJDK 17"
  export DEBIAN_FRONTEND=noninteractive
  sudo=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo -n -E"
  fi
  if $sudo apt-get update -qq >&2 \
      && $sudo apt-get install -y -qq --only-upgrade openjdk-17-jdk-headless openjdk-17-jre-headless >&2; then
    log "now javac $(javac -version 2>&1 | awk '{print $2}')"
  else
    log "could not update the JDK; NullAway checks in its standard mode"
  fi
fi
