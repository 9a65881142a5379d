"""Exports: files written next to the pages (search indexes, filter data, feeds, embeds)."""
