"""Build the site atomically: into a temporary folder, swapped into place only on success.

MkDocs cleans and fills ``site_dir`` in place, so a crash or Ctrl-C halfway would leave a
half-written site. Here the old ``site/`` stays whole until the new one is complete.

Usage: python scripts/build_site.py [--site-dir site] [extra mkdocs build options]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path


def build(site_dir: Path, extra: list[str]) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # A build that was killed (not interrupted) could not clean up after itself.
    for leftover in site_dir.parent.glob(".site-new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    try:
        # MkDocs runs in this process: stopping this process stops the build (a child
        # process would go on writing after a kill).
        code = _mkdocs(["build", "--strict", "--site-dir", str(staging), *extra])
        if code != 0:
            print(f"Bouwen mislukt; {site_dir.name}/ is niet aangeraakt.", file=sys.stderr)
            return code
        retired = site_dir.with_name(f".site-old-{os.getpid()}")
        if site_dir.exists():
            site_dir.rename(retired)
        staging.rename(site_dir)
        shutil.rmtree(retired, ignore_errors=True)
        print(f"Site gebouwd in {site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _mkdocs(arguments: list[str]) -> int:
    """Run the mkdocs command line in this process; its exit status."""
    import click
    from mkdocs.__main__ import cli

    try:
        cli.main(args=arguments, prog_name="mkdocs", standalone_mode=False)
    except click.ClickException as error:  # mkdocs' Abort: the errors are already logged
        error.show()
        return error.exit_code
    except SystemExit as error:
        return int(error.code or 0)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    arguments, extra = parser.parse_known_args()
    return build(arguments.site_dir, extra)


if __name__ == "__main__":
    sys.exit(main())
