"""Fetch the Nu HTML Checker (vnu.jar, the W3C's validator) for the markup tests, once.

Usage: python scripts/ensure_vnu.py TARGET_JAR

It comes from the npm registry's package ``vnu-jar`` at a pinned version, checked against the
registry's SHA-512 for that version; no npm needed (CI's Python image has none). Java is
Debian's (``make vnu`` installs it like chromium). The jar goes into .venv, so ``make clean``
removes it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "26.9.27"
TARBALL = f"https://registry.npmjs.org/vnu-jar/-/vnu-jar-{VERSION}.tgz"
#: dist.integrity of vnu-jar 26.9.27 in the npm registry (npm view vnu-jar@26.9.27 dist.integrity).
INTEGRITY = "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="
MEMBER = "package/build/dist/vnu.jar"


def main() -> int:
    target = Path(sys.argv[1])
    stamp = target.with_suffix(".version")
    if target.exists() and stamp.exists() and stamp.read_text().strip() == VERSION:
        return 0
    print(f"Nu HTML Checker {VERSION} ophalen (eenmalig) ...", flush=True)
    try:
        with urllib.request.urlopen(TARBALL, timeout=120) as response:
            data = response.read()
    except OSError as problem:
        print(f"FOUT: de Nu HTML Checker kon niet worden opgehaald van {TARBALL}: {problem}", file=sys.stderr)
        return 1
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        print(f"FOUT: {TARBALL} is niet het bestand dat de npm-registry opgeeft ({digest}).", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            print(f"FOUT: {MEMBER} ontbreekt in {TARBALL}.", file=sys.stderr)
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(member.read())
    stamp.write_text(VERSION + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
