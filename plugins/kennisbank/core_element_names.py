"""How the site names a core element and the group it belongs to.

The sources place five kernelementen around the family and, beside them, randvoorwaarden that
make the change possible; both hold practices and tools, and ``data/core_elements.yaml`` lists
them together (``kind`` says which is which). Calling the whole group "kernelementen" put
practices under "Kernelement: Randvoorwaarden", which the content itself contradicts. Every
label, heading and sentence that names the group or one of its items takes its words from here,
so the facets, pages, dossiers and feeds say the same thing.
"""

from __future__ import annotations

from typing import Any

#: The group as a label of one value (a facet, a fact on a page): which one a card belongs to.
GROUP_LABEL = "Kernelement of randvoorwaarde"
#: The group as a heading (the overview page, breadcrumbs, the menu).
GROUP_TITLE = "Kernelementen en randvoorwaarden"


def is_condition(core_element: Any) -> bool:
    """Whether the item is the randvoorwaarden rather than one of the five kernelementen."""
    return bool(getattr(core_element, "kind", "kernelement") == "randvoorwaarden")


def phrase(core_element: Any) -> str:
    """The item in a sentence: "het kernelement Lokale teams", "de randvoorwaarden"."""
    if is_condition(core_element):
        return "de randvoorwaarden"
    return f"het kernelement {core_element.title}"


def this(core_element: Any) -> str:
    """The item pointed at on its own page: "dit kernelement", "de randvoorwaarden"."""
    return "de randvoorwaarden" if is_condition(core_element) else "dit kernelement"


def tag(core_element: Any) -> str:
    """The item as a label with its kind: "Kernelement: Lokale teams", "Randvoorwaarden" (whose
    title already says what it is)."""
    if is_condition(core_element):
        return str(core_element.title)
    return f"Kernelement: {core_element.title}"
