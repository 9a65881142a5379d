#!/usr/bin/env bash
# The browser tests drive Debian's chromium (never a browser downloaded by a test tool).
# Install it when it is missing and we may; otherwise say loudly how, and fail: a missing
# browser must never turn into silently skipped tests.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  cat >&2 <<'MSG'

  ==========================================================================
  FOUT: Chromium ontbreekt. De browsertests hebben Debian's chromium nodig.
  Installeer het eenmalig en draai daarna opnieuw 'make test':

      sudo apt-get update && sudo apt-get install -y chromium
  ==========================================================================

MSG
  exit 1
fi
echo "chromium ontbreekt; installeren met apt-get (eenmalig) ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
