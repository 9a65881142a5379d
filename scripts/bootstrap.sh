#!/usr/bin/env bash
# Create the virtual environment and install the pinned dependencies and the plugin.
# Called by the Makefile; safe to run again (pip skips what is already there).
set -euo pipefail
python="${1:-python3}"
venv="${2:-.venv}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "FOUT: Python 3.11 of nieuwer is nodig ('$python' is te oud of ontbreekt)." >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    # Debian ships venv separately from python3.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "python3-venv ontbreekt; installeren met apt-get ..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
      "$python" -m venv "$venv"
    else
      echo "FOUT: kan geen virtuele omgeving maken. Installeer eerst: sudo apt-get install python3-venv" >&2
      exit 1
    fi
  fi
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
