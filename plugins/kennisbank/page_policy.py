"""What the site's Content-Security-Policy (deploy/nginx/kennisbank.conf) demands of a page.

The policy allows scripts from the site's own files only: no inline ``<script>`` and no
``onclick=``-style handlers. The plugin's templates and Material's (see the overridden partials
in templates/partials/) keep to that; a hand-written page in content/ might not, and would work
under ``make serve`` but break behind the production server. The build names such a page.
"""

from __future__ import annotations

import re

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\btype=[\"']?application/(?:ld\+)?json)[^>]*>", re.IGNORECASE
)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\son[a-z]+\s*=", re.IGNORECASE)


def policy_problem(html: str, handlers: bool = True) -> str | None:
    """What in ``html`` the policy would block, in Dutch, or ``None``. ``handlers``: also look for
    event-handler attributes (slower: every tag; the plugin's own pages are tested instead)."""
    if _INLINE_SCRIPT.search(html):
        return "een script in de pagina zelf (<script> zonder src)"
    if handlers and _HANDLER.search(html):
        return "een event-handler in de HTML (zoals onclick=)"
    return None
