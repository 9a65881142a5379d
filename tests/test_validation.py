"""Validate stage: every kind of bad input gives a Dutch ``file:line: field: message``.

Each test writes a small practices.yaml next to the real regions and core elements and
checks the exact line and field, because that is what an editor navigates by.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from kennisbank.content import ContentErrors, load_content

VALID = """\
- id: eerste-praktijk
  title: Eerste praktijk
  core_element: lokale-teams
  regions: [zaanstreek-waterland, groningen]
  summary: Korte samenvatting.
  body: |
    Een beschrijving.
  contacts:
    - name: Karen Lommen
      email: k.lommen@venlo.nl
  links:
    - title: Werkpakketten
      url: https://vng.nl/nieuws/werkpakketten-stevige-lokale-teams-beschikbaar
  source: best-practices-2025
  last_reviewed: 2026-11-22
"""


def data_dir(tmp_path: Path, practices: str) -> Path:
    """The real regions, core elements and sources with ``practices`` as practices.yaml."""
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    for name in ("core_elements.yaml", "regions.yaml", "sources.yaml", "programme.yaml"):
        shutil.copy2(ROOT / "data" / name, data / name)
    (data / "practices.yaml").write_text(textwrap.dedent(practices), encoding="utf-8")
    return data


def errors_for(tmp_path: Path, practices: str) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_content(data_dir(tmp_path, practices))
    return [str(error) for error in caught.value.errors]


def test_valid_practice_passes(tmp_path: Path) -> None:
    content = load_content(data_dir(tmp_path, VALID))
    assert [practice.id for practice in content["practices"]] == ["eerste-praktijk"]
    assert content["practices"][0].contacts[0].email == "k.lommen@venlo.nl"


def test_unknown_key_suggests_the_field_meant(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("  summary:", "  sumary:"))
    assert "data/practices.yaml:5: sumary: onbekend veld 'sumary'; bedoelde je 'summary'?" in errors
    assert "data/practices.yaml:1: summary: verplicht veld ontbreekt; voeg het toe" in errors


def test_unknown_key_in_a_contact(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("      email: k.lommen", "      emial: k.lommen"))
    assert errors[0] == "data/practices.yaml:10: contacts[0].emial: onbekend veld 'emial'; bedoelde je 'email'?"


def test_missing_required_field_points_at_the_item(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path, VALID + VALID.replace("eerste-praktijk", "tweede").replace("  title: Eerste praktijk\n", "")
    )
    assert errors == ["data/practices.yaml:16: title: verplicht veld ontbreekt; voeg het toe"]


def test_empty_required_field(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("summary: Korte samenvatting.", 'summary: "  "'))
    assert errors == ["data/practices.yaml:5: summary: mag niet leeg zijn; vul een tekst in"]


def test_a_practice_may_name_no_region(tmp_path: Path) -> None:
    """Where a source names no region the card claims none (``landelijk`` is only for national items)."""
    content = load_content(
        data_dir(tmp_path, VALID.replace("regions: [zaanstreek-waterland, groningen]", "regions: []"))
    )
    assert content["practices"][0].regions == []


def test_wrong_types(tmp_path: Path) -> None:
    broken = (
        VALID.replace("title: Eerste praktijk", "title: 2025")
        .replace("regions: [zaanstreek-waterland, groningen]", "regions: groningen")
        .replace("last_reviewed: 2026-11-22", "last_reviewed: 22-11-2026")
    )
    errors = errors_for(tmp_path, broken)
    assert (
        "data/practices.yaml:2: title: moet tekst zijn; zet de waarde tussen aanhalingstekens (anders leest YAML "
        "haar als getal of als ja/nee)" in errors
    )
    assert (
        "data/practices.yaml:4: regions: moet een lijst zijn; zet elke waarde op een eigen regel die begint met '- '"
        in errors
    )
    assert (
        "data/practices.yaml:15: last_reviewed: moet een datum zijn; schrijf JJJJ-MM-DD zonder aanhalingstekens, "
        "bijvoorbeeld 2026-03-01" in errors
    )


def test_unknown_region_with_did_you_mean(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path, VALID.replace("[zaanstreek-waterland, groningen]", "[zaanstreek-waterlnd, groningen]")
    )
    assert errors == [
        "data/practices.yaml:4: regions[0]: onbekende regio 'zaanstreek-waterlnd'; bedoelde je 'zaanstreek-waterland'? (zie data/regions.yaml)"
    ]


def test_region_written_as_a_name_suggests_its_id(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path, VALID.replace("regions: [zaanstreek-waterland, groningen]", "regions:\n    - Hart van Brabant")
    )
    assert (
        "data/practices.yaml:5: regions[0]: 'Hart van Brabant' is geen geldige id; gebruik alleen kleine letters a-z, cijfers en losse koppeltekens, bijvoorbeeld 'hart-van-brabant'"
        in errors
    )


def test_unknown_core_element(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("core_element: lokale-teams", "core_element: lokaal-team"))
    assert errors == [
        "data/practices.yaml:3: core_element: onbekend kernelement 'lokaal-team'; bedoelde je 'lokale-teams'? (zie data/core_elements.yaml)"
    ]


def test_duplicate_id(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID + VALID)
    assert errors == ["data/practices.yaml:16: id: id 'eerste-praktijk' bestaat al (regel 1); kies een unieke id"]


def test_id_that_is_not_a_slug(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("id: eerste-praktijk", "id: Eerste_Praktijk"))
    assert errors == [
        "data/practices.yaml:1: id: 'Eerste_Praktijk' is geen geldige id; gebruik alleen kleine letters a-z, cijfers en losse koppeltekens, bijvoorbeeld 'eerste-praktijk'"
    ]


@pytest.mark.parametrize(
    "url",
    ["www.vng.nl/nieuws", "/praktijken/", "ftp://vng.nl/x", "javascript:alert(1)", "https://localhost/x"],
)
def test_url_that_is_not_absolute_http(tmp_path: Path, url: str) -> None:
    errors = errors_for(
        tmp_path, VALID.replace("https://vng.nl/nieuws/werkpakketten-stevige-lokale-teams-beschikbaar", url)
    )
    assert errors == [
        f"data/practices.yaml:13: links[0].url: '{url}' is geen volledig webadres; begin met https:// (of http://) en een domeinnaam"
    ]


def test_safelinks_url_shows_the_real_address(tmp_path: Path) -> None:
    wrapped = (
        "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.voordejeugdenhetgezin.nl"
        "%2Factueel%2Fnieuws%3Fid%3D7&data=05%7C02%7C&sdata=abc&reserved=0"
    )
    errors = errors_for(
        tmp_path, VALID.replace("https://vng.nl/nieuws/werkpakketten-stevige-lokale-teams-beschikbaar", wrapped)
    )
    assert errors == [
        "data/practices.yaml:13: links[0].url: dit is een Outlook SafeLinks-adres; gebruik het echte adres: "
        "https://www.voordejeugdenhetgezin.nl/actueel/nieuws?id=7"
    ]


@pytest.mark.parametrize("email", ["k.lommen@venlo", "k.lommen venlo.nl", "'@venlo.nl'", "k lommen@venlo.nl"])
def test_malformed_email(tmp_path: Path, email: str) -> None:
    errors = errors_for(tmp_path, VALID.replace("k.lommen@venlo.nl", email))
    assert errors == [
        f"data/practices.yaml:10: contacts[0].email: '{email.strip(chr(39))}' is geen geldig e-mailadres; schrijf het als naam@domein.nl"
    ]


def test_mailto_prefix_is_explained(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("k.lommen@venlo.nl", "mailto:k.lommen@venlo.nl"))
    assert errors == [
        "data/practices.yaml:10: contacts[0].email: schrijf het e-mailadres zonder 'mailto:' ('k.lommen@venlo.nl')"
    ]


def test_contact_needs_a_name_or_email(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path,
        VALID.replace("    - name: Karen Lommen\n      email: k.lommen@venlo.nl\n", "    - role: projectleider\n"),
    )
    assert errors == [
        "data/practices.yaml:9: contacts[0]: een contactpersoon heeft minstens een naam of een e-mailadres nodig; "
        "vul name of email in"
    ]


def test_duplicate_key_is_reported_with_the_other_errors(tmp_path: Path) -> None:
    broken = VALID.replace("  source: best-practices-2025\n", "  source: best-practices-2025\n  title: Nog een titel\n")
    broken = broken.replace("core_element: lokale-teams", "core_element: onbekend")
    errors = errors_for(tmp_path, broken)
    assert (
        "data/practices.yaml:15: title: dit veld staat twee keer in hetzelfde item (eerst op regel 2); houd er één over"
        in errors
    )
    assert any(
        error.startswith("data/practices.yaml:3: core_element: onbekend kernelement 'onbekend'") for error in errors
    )


def test_all_errors_of_all_items_at_once(tmp_path: Path) -> None:
    second = VALID.replace("eerste-praktijk", "tweede-praktijk").replace("groningen]", "groningn]")
    errors = errors_for(tmp_path, VALID.replace("k.lommen@venlo.nl", "fout@") + second)
    assert errors == [
        "data/practices.yaml:10: contacts[0].email: 'fout@' is geen geldig e-mailadres; schrijf het als naam@domein.nl",
        "data/practices.yaml:19: regions[1]: onbekende regio 'groningn'; bedoelde je 'groningen'? (zie data/regions.yaml)",
    ]


def test_file_that_is_not_a_list(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, "id: los-item\ntitle: Geen lijst\n")
    assert errors == [
        "data/practices.yaml:1: dit bestand moet een lijst van items zijn; begin elk item met '- ' vooraan de regel"
    ]


def test_region_pilot_profile_only_for_proeftuin(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy2(ROOT / "data" / "core_elements.yaml", data)
    shutil.copy2(ROOT / "data" / "programme.yaml", data)
    (data / "practices.yaml").write_text("[]\n")
    (data / "regions.yaml").write_text(
        "- id: landelijk\n  name: Landelijk\n  kind: landelijk\n"
        "- id: ergens\n  name: Ergens\n  kind: gemeente\n"
        "- id: elders\n  name: Elders\n  kind: regio\n  pilot:\n    location: x\n    characteristics: y\n    goals_2026: [z]\n"
    )
    with pytest.raises(ContentErrors) as caught:
        load_content(data)
    assert [str(error) for error in caught.value.errors] == [
        "data/regions.yaml:6: kind: 'gemeente' is geen toegestane waarde; kies uit 'proeftuin', 'regio' of 'landelijk'",
        "data/regions.yaml:7: een proeftuinprofiel (pilot) hoort alleen bij kind: proeftuin; zet kind: proeftuin of "
        "haal pilot weg",
    ]


def test_real_content_is_valid() -> None:
    content = load_content(ROOT / "data")
    assert len(content["practices"]) >= 38


def test_unquoted_at_sign_is_explained(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("k.lommen@venlo.nl", "@venlo.nl"))
    assert errors == [
        "data/practices.yaml:10: YAML-fout: een waarde mag niet met '@' beginnen; zet de waarde tussen aanhalingstekens"
    ]


SECOND = """\
- id: tweede-praktijk
  title: Tweede praktijk
  core_element: lokale-teams
  regions: [groningen]
  summary: Nog een samenvatting.
  body: Nog een beschrijving.
"""


def test_a_withdrawal_needs_a_real_date_and_a_reason(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID + "  withdrawn:\n    date: 2026-13-01\n")
    assert errors == [
        "data/practices.yaml:16: withdrawn.reason: verplicht veld ontbreekt; voeg het toe",
        "data/practices.yaml:17: withdrawn.date: '2026-13-01' is geen bestaande datum; schrijf JJJJ-MM-DD met een "
        "maand van 1 tot 12 en een dag die in die maand bestaat",
    ]


def test_an_old_id_that_is_a_live_id_is_an_error_with_both_lines(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID + SECOND + "  previous_ids: [eerste-praktijk]\n")
    assert errors == [
        "data/practices.yaml:22: previous_ids[0]: 'eerste-praktijk' is de id van een andere praktijk (regel 1), "
        "en een oude id kan maar naar één praktijk leiden; haal hem hier weg"
    ]


def test_an_old_id_claimed_twice_is_an_error(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path, VALID + "  previous_ids: [oude-naam]\n" + SECOND + "  previous_ids: [andere, oude-naam]\n"
    )
    assert errors == [
        "data/practices.yaml:23: previous_ids[1]: 'oude-naam' staat al bij previous_ids van een andere praktijk "
        "(regel 16), en een oude id kan maar naar één praktijk leiden; haal hem bij een van de twee weg"
    ]


def test_an_invisible_control_character_is_an_error_with_its_position(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("summary: Korte samenvatting.", 'summary: "Korte\\x0bsamenvatting."'))
    assert errors == [
        "data/practices.yaml:5: summary: bevat een onzichtbaar stuurteken (U+000B), waarschijnlijk meegeplakt; "
        "typ de tekst rond positie 6 opnieuw"
    ]


def test_a_card_may_not_take_the_address_of_the_dossier(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("- id: eerste-praktijk", "- id: dossier"))
    assert errors == [
        "data/practices.yaml:1: id: 'dossier' is het adres van iets anders op de site (praktijken/dossier/); "
        "kies een andere id"
    ]


def test_an_unknown_reference_without_a_close_match_says_where_to_choose(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, VALID.replace("core_element: lokale-teams", "core_element: xyz"))
    assert errors == [
        "data/practices.yaml:3: core_element: onbekend kernelement 'xyz'; "
        "kies een bestaand kernelement uit data/core_elements.yaml"
    ]
