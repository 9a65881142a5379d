"""The Markdown converter: each text once, the worker's results identical to its own, and a
failed worker never a failed or different build."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor

from kennisbank.markdown_html import CHUNK, MarkdownConverter, convert_texts

#: As in mkdocs.yml.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]
CONFIGS = {"abbr": {"glossary": {"IPW": "Instituut voor Publieke Waarden"}}, "toc": {"permalink": False}}
TEXTS = [
    f"## Kop {n}\n\nHet IPW en *regio {n}*.\n\n<script>alert({n})</script>\n\n| a | b |\n| - | - |\n| {n} | x |\n"
    for n in range(CHUNK + 30)
]


def test_the_worker_converts_as_the_build_itself_does() -> None:
    here = MarkdownConverter(EXTENSIONS, CONFIGS)
    expected = [here.convert(text) for text in TEXTS]
    assert '<abbr title="Instituut voor Publieke Waarden">IPW</abbr>' in expected[0][0]
    assert expected[0][1][0]["name"] == "Kop 0"

    prefetched = MarkdownConverter(EXTENSIONS, CONFIGS)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as worker:
        prefetched.prefetch(TEXTS, worker)
        tasks = list(prefetched._tasks)
        assert len(tasks) == 2  # two chunks
        for task in tasks:
            task.result(timeout=120)
        converted = [prefetched.convert(text) for text in TEXTS]
    assert converted == expected
    assert not prefetched._pending, "every text was taken from the worker's results"
    # The worker sanitised too; the same HTML, the same clean result as here.
    for html, _ in converted[:3]:
        assert prefetched._sanitised[html] == here.sanitised(html)
        assert "<script>" not in here.sanitised(html) and "alert" not in here.sanitised(html)


def test_a_failed_or_slow_worker_changes_nothing() -> None:
    here = MarkdownConverter(EXTENSIONS, CONFIGS)
    failed: Future[list[object]] = Future()
    failed.set_exception(RuntimeError("kan niet naar het andere proces"))
    slow: Future[list[object]] = Future()  # never finishes

    class Worker:
        def __init__(self) -> None:
            self.tasks = [failed, slow]

        def submit(self, *args: object) -> Future[list[object]]:
            return self.tasks.pop(0)

    converter = MarkdownConverter(EXTENSIONS, CONFIGS)
    converter.prefetch(TEXTS, Worker())  # type: ignore[arg-type]
    started = time.perf_counter()
    assert [converter.convert(text) for text in TEXTS] == [here.convert(text) for text in TEXTS]
    assert time.perf_counter() - started < 30, "the converter never waits for the worker"
    converter.cancel()
    assert slow.cancelled()


def test_the_worker_function_keeps_one_converter_per_setting() -> None:
    first = convert_texts(EXTENSIONS, CONFIGS, ["IPW"])
    other = convert_texts(EXTENSIONS, {**CONFIGS, "abbr": {"glossary": {}}}, ["IPW"])
    assert "<abbr" in first[0][0][0] and "<abbr" not in other[0][0][0]
