"""Kennisbank Toekomstscenario: turns structured YAML content into a MkDocs site.

The package is a pipeline: ``content`` (load and validate), ``catalogue`` (indexes),
``pages`` (which pages exist), ``render`` (templates), with ``plugin`` as the only
module that knows MkDocs.
"""
