"""Build the site atomically: into a temporary folder, swapped into place only on success.

MkDocs cleans and fills ``site_dir`` in place, so a crash or Ctrl-C halfway would leave a
half-written site. Here the old ``site/`` stays whole until the new one is complete.

Usage: python scripts/build_site.py [--site-dir site] [extra mkdocs build options]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(site_dir: Path, extra: list[str]) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging), *extra]
        result = subprocess.run(command, check=False)
        if result.returncode != 0:
            print(f"Bouwen mislukt; {site_dir.name}/ is niet aangeraakt.", file=sys.stderr)
            return result.returncode
        retired = site_dir.with_name(f".site-old-{os.getpid()}")
        if site_dir.exists():
            site_dir.rename(retired)
        staging.rename(site_dir)
        shutil.rmtree(retired, ignore_errors=True)
        print(f"Site gebouwd in {site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    arguments, extra = parser.parse_known_args()
    return build(arguments.site_dir, extra)


if __name__ == "__main__":
    sys.exit(main())
