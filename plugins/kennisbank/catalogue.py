"""The validated content as one object with the indexes every page needs.

Built once per build from :class:`~kennisbank.content.Content`; pages and exports only read it.
Indexes keep the YAML order of practices, which is the order the programme team chose.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .content import Content
from .content.models import CoreElement, Practice, Region, Source


@dataclass(frozen=True)
class Catalogue:
    """Content by id, practices by core element and by region, and where each item was written."""

    core_elements: dict[str, CoreElement]
    regions: dict[str, Region]
    practices: dict[str, Practice]
    sources: dict[str, Source]
    practices_by_core_element: dict[str, list[Practice]]
    practices_by_region: dict[str, list[Practice]]
    source_lines: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)

    @property
    def pilots(self) -> list[Region]:
        """Regions that are a proeftuin, in YAML order."""
        return [region for region in self.regions.values() if region.kind == "proeftuin"]

    @property
    def other_regions(self) -> list[Region]:
        """Regions that are not a proeftuin (``landelijk`` last)."""
        others = [region for region in self.regions.values() if region.kind == "regio"]
        return others + [region for region in self.regions.values() if region.kind == "landelijk"]

    def source_of(self, collection: str, item_id: str) -> tuple[str, int] | None:
        """The ``(file, line)`` where an item is written, for edit links and reports."""
        return self.source_lines.get((collection, item_id))


def build_catalogue(content: Content) -> Catalogue:
    """Index validated content; assumes references were checked by validation."""
    by_core: dict[str, list[Practice]] = defaultdict(list)
    by_region: dict[str, list[Practice]] = defaultdict(list)
    for practice in content["practices"]:
        by_core[practice.core_element].append(practice)
        for region in practice.regions:
            by_region[region].append(practice)
    lines: dict[tuple[str, str], tuple[str, int]] = {}
    for name, document in content.documents.items():
        for index, item in enumerate(document.data or []):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                lines[(name, item["id"])] = (document.file, document.line_of((index,)))
    return Catalogue(
        core_elements={item.id: item for item in content["core_elements"]},
        regions={item.id: item for item in content["regions"]},
        practices={item.id: item for item in content["practices"]},
        sources={item.id: item for item in content["sources"]},
        practices_by_core_element={key: by_core.get(key, []) for key in (item.id for item in content["core_elements"])},
        practices_by_region={key: by_region.get(key, []) for key in (item.id for item in content["regions"])},
        source_lines=lines,
    )
