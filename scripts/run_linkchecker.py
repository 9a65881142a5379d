"""Start linkchecker as the user who runs it, with its messages in English.

linkchecker switches its effective user to ``nobody`` when it starts as root (CI, a root
shell). From then on it can only read files that ``nobody`` may read, and Python imports
modules lazily: its own plugins (AnchorCheck among them) and parts of the standard library
are loaded after the switch. When the checkout, ``.venv`` or Python itself lies in a folder
only its owner may read (a home folder, a ``mktemp -d`` folder), those imports fail, and
linkchecker quietly checks without its anchor plugin.

The project's checks only read what the project itself serves on 127.0.0.1 (the internal
check) or fetch external pages without executing them (the external check), so running as
the invoking user is what a user would expect of any other tool. The privilege switch is
therefore left out here, and nothing else of linkchecker changes.

Messages and CSV columns are parsed by the callers, so the locale is fixed to English
(linkchecker ships a Dutch translation that a Dutch desktop would otherwise switch on).

Usage: python scripts/run_linkchecker.py <linkchecker arguments>
"""

from __future__ import annotations

import sys

from linkcheck.command import linkchecker as command


def _keep_user() -> None:
    """In place of linkchecker's switch to ``nobody`` (see the module docstring)."""


if __name__ == "__main__":
    command.drop_privileges = _keep_user
    sys.exit(command.linkchecker())
