#!/usr/bin/env bash
# Usage: ensure-debian.sh PACKAGE PROGRAM WHY
# The tests and `make preview` use Debian's own packages (chromium, nginx), never a copy
# downloaded by a test tool. Install PACKAGE when PROGRAM is missing and we may (root, or sudo
# without a password); otherwise say loudly how, and fail: a missing program must never turn
# into silently skipped tests.
set -euo pipefail
package="$1" program="$2" why="$3"
if [ -x "$program" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  cat >&2 <<MSG

  ==========================================================================
  FOUT: $package ontbreekt. $why
  Installeer het eenmalig en draai daarna het commando opnieuw:

      sudo apt-get update && sudo apt-get install -y $package
  ==========================================================================

MSG
  exit 1
fi
echo "$package ontbreekt; installeren met apt-get (eenmalig) ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null
test -x "$program"
