"""Load and validate content: plain Python, no MkDocs, usable from scripts and tests."""

from .errors import ContentError, ContentErrors
from .validate import Content, load_content

__all__ = ["Content", "ContentError", "ContentErrors", "load_content"]
