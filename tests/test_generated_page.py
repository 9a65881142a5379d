"""Generated pages share one Markdown converter (platform.GeneratedPage): nothing one page
defines may show up on the next, and the glossary must hold on every page. And HeldBack, the
one way parts of a page stay out of site search."""

from __future__ import annotations

from conftest import ROOT
from kennisbank.catalogue import build_catalogue
from kennisbank.content import load_content
from kennisbank.platform import HeldBack
from kennisbank.render import Renderer
from kennisbank.views import Site

EXTENSIONS = ["abbr", "toc", "tables", "attr_list", "md_in_html"]


def renderer() -> Renderer:
    catalogue = build_catalogue(load_content(ROOT / "data", display_prefix="data"))
    glossary = {entry.term: entry.meaning for entry in catalogue.glossary}
    return Renderer(
        [ROOT / "plugins" / "kennisbank" / "templates"],
        Site(catalogue),
        EXTENSIONS,
        {"abbr": {"glossary": glossary}},
        "http://127.0.0.1:8000/",
    )


def test_one_converter_keeps_pages_apart() -> None:
    render = renderer()
    first, first_toc = render.convert_page_markdown(
        "## Aanpak\n\nHet XYZ-team werkt mee.\n\n*[XYZ]: Een eigen afkorting van deze pagina"
    )
    second, second_toc = render.convert_page_markdown(
        "## Aanpak\n\nOok hier een XYZ-team, en Veilig Thuis met de RvdK."
    )
    assert '<abbr title="Een eigen afkorting van deze pagina">XYZ</abbr>' in first
    assert "Een eigen afkorting" not in second  # a page's own abbreviation stays on that page
    assert '<abbr title="Raad voor de Kinderbescherming">RvdK</abbr>' in second  # the glossary stays
    # Heading ids start afresh on every page (a shared converter must not make "aanpak_1").
    assert [token["id"] for token in first_toc] == [token["id"] for token in second_toc] == ["aanpak"]


def test_held_back_parts_return_in_place() -> None:
    held = HeldBack()
    first = held(lambda: "<ul>een</ul>")
    second = held(lambda: "<ul>twee</ul>")
    assert first != second and "een" not in first
    assert (
        held.restore(f"<main>{first}<p>midden</p>{second}</main>")
        == "<main><ul>een</ul><p>midden</p><ul>twee</ul></main>"
    )


def test_nested_held_back_parts_all_return() -> None:
    held = HeldBack()
    outer = held(lambda: f"<section>{held(lambda: '<nav>kruimelpad</nav>')}<ul>kaarten</ul></section>")
    assert (
        held.restore(f"<main>{outer}</main>") == "<main><section><nav>kruimelpad</nav><ul>kaarten</ul></section></main>"
    )
