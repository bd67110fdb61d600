#!/usr/bin/env bash
# Headless Chromium and its WebDriver for the testkit's Stripe.js browser tests.
#
#   bash .ci/chromium.sh    installs Debian's chromium and chromium-driver when either is
#                           missing (through sudo when not root), then prints their versions.
#                           Idempotent: nothing is installed when both are present.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  log "installing chromium and chromium-driver from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  sudo=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo -n -E"
  fi
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi

log "$(chromedriver --version 2>/dev/null | head -n 1)"
