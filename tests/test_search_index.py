"""The split catalogue index (exports/search_index.py): what each file holds, and that its terms
are exactly what lunr's tokenizer and Dutch pipeline make of the cards."""

from __future__ import annotations

from lunr.pipeline import Pipeline
from lunr.tokenizer import Tokenizer

from conftest import ROOT
from kennisbank.catalogue import build_catalogue
from kennisbank.content import load_content
from kennisbank.exports import dutch
from kennisbank.exports.search_index import (
    BUCKET,
    FIELDS,
    INDEX_FIELDS,
    SEPARATOR,
    Document,
    Terms,
    build_files,
    practice_documents,
    shard_key,
)
from kennisbank.views import Site


def decode(row: list[int], stride: int) -> list[list[int]]:
    entries, position = [], 0
    for start in range(0, len(row), stride):
        position += row[start]
        entries.append([position, *row[start + 1 : start + stride]])
    return entries


def test_files_hold_terms_by_shard_texts_by_bucket_and_the_vocabulary() -> None:
    documents = [
        Document(
            "a",
            "Gezinsadvocaat bij scheiding",
            "Eén advocaat voor het hele gezin.",
            ["Hart van Brabant"],
            "Ouders krijgen hulp.\n\nDe kinderen worden gehoord.",
        ),
        Document(
            "b",
            "Lokale teams",
            "Teams in de wijk.",
            ["Groningen", "Karen Lommen, Gemeente Venlo"],
            "Het team helpt gezinnen bij een scheiding.",
        ),
    ]
    files = build_files(documents)
    manifest = files["index.json"]
    assert manifest["ids"] == ["a", "b"]
    assert [field["name"] for field in manifest["fields"]] == [field.name for field in INDEX_FIELDS]
    assert set(manifest["shards"]) == {name[2:-5] for name in files if name.startswith("t-")}

    stem = dutch.stem("scheiding")
    rows = files[f"t-{shard_key(stem)}.json"]["terms"][stem]
    by_field = {
        field.name: decode(row, 3 if field.excerpt else 2) for field, row in zip(INDEX_FIELDS, rows, strict=True)
    }
    assert by_field["title"] == [[0, 1]]  # card a, once
    assert by_field["body"] == [[1, 1, 0]]  # card b, once, in its first sentence
    kind = dutch.stem("kinderen")
    body = decode(files[f"t-{shard_key(kind)}.json"]["terms"][kind][3], 3)
    assert body == [[0, 1, 1]]  # the second sentence of card a
    surname = dutch.stem("lommen")
    lommen = files[f"t-{shard_key(surname)}.json"]["terms"][surname]
    assert decode(lommen[2], 3) == [[1, 1, 1]]  # "about" line 1 of card b

    assert files["x-0.json"]["texts"][0] == [
        ["Hart van Brabant"],
        ["Ouders krijgen hulp.", "De kinderen worden gehoord."],
        [],  # no synonyms given
    ]
    words = dict(files["woorden.json"]["words"])
    assert words["scheiding"] == 2 and words["gezinsadvocaat"] == 1
    assert "de" not in words and "een" not in words  # stop words and short words are no suggestions


def test_texts_come_in_buckets() -> None:
    documents = [
        Document(f"kaart-{n}", f"Titel {n}", "Samenvatting.", [], f"Tekst {n}.") for n in range(BUCKET * 2 + 3)
    ]
    files = build_files(documents)
    assert [len(files[f"x-{n}.json"]["texts"]) for n in range(3)] == [BUCKET, BUCKET, 3]
    assert files["x-2.json"]["texts"][2][1] == [f"Tekst {BUCKET * 2 + 2}."]


def test_shard_keys_ignore_accents_and_odd_characters() -> None:
    assert shard_key("één") == "ee"
    assert shard_key("café") == "ca"
    assert shard_key("x") == "x_"
    assert shard_key("2025") == "20"
    assert shard_key("'s") == "_s"


def test_terms_equal_lunrs_tokenizer_and_dutch_pipeline_on_every_card() -> None:
    pipeline = Pipeline()
    pipeline.add(dutch.trimmer, dutch.stop_word_filter, dutch.stemmer)
    terms = Terms()
    catalogue = build_catalogue(load_content(ROOT / "data"))
    for document in practice_documents(Site(catalogue)):
        for field in FIELDS:
            for line in document.lines(field.name):
                lunrs = [str(token) for token in pipeline.run(Tokenizer(line))]
                ours = [term for word in SEPARATOR.split(line.lower()) if word for term in terms.of(word)]
                assert ours == lunrs, line


def test_every_word_of_a_card_is_in_the_index() -> None:
    catalogue = build_catalogue(load_content(ROOT / "data"))
    documents = practice_documents(Site(catalogue))
    files = build_files(documents)
    terms = Terms()
    for position, document in enumerate(documents):
        for field_number, field in enumerate(FIELDS):
            for line in document.lines(field.name):
                for word in filter(None, SEPARATOR.split(line.lower())):
                    for term in terms.of(word):
                        row = files[f"t-{shard_key(term)}.json"]["terms"][term][field_number]
                        assert position in [entry[0] for entry in decode(row, 3 if field.excerpt else 2)], (
                            document.id,
                            word,
                        )
