"""Inline texts from the data files: the shortcut for plain text gives exactly what Markdown gives."""

from __future__ import annotations

import html

import pytest
import yaml
from conftest import ROOT
from markupsafe import Markup

from manual import bidi, inline


def markdown_of(text: str) -> str:
    """The slow path, always: what Python-Markdown makes of the escaped text."""
    converter = inline._converter()
    converter.reset()
    out = converter.convert(html.escape(text, quote=False)).strip()
    return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") else out


def data_texts() -> set[str]:
    texts: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            texts.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in (ROOT / "docs").glob("*/*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in (ROOT / "docs").glob("*/*/*.yml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return texts


def test_every_text_of_the_manual_renders_as_markdown_would():
    texts = data_texts()
    assert len(texts) > 1000
    shortcut = [text for text in texts if inline._PLAIN.fullmatch(text) and not text.endswith(" ")]
    assert len(shortcut) > len(texts) / 2, "the shortcut should serve most texts"
    for text in texts:
        try:
            got = inline.to_html(text)
        except ValueError:
            continue
        # Both ways give the same HTML, Latin runs in right-to-left texts isolated alike.
        assert str(got) == str(bidi.isolate(Markup(markdown_of(text)))), text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ask before any photo.", "Ask before any photo."),
        ("Never *promise* an outcome.", "Never <em>promise</em> an outcome."),
        ("Use `case reference` only.", "Use <code>case reference</code> only."),
        ("Keep <b>this</b> & that", "Keep &lt;b&gt;this&lt;/b&gt; &amp; that"),
        ("Îngrijire și sănătate, fără grabă.", "Îngrijire și sănătate, fără grabă."),
    ],
)
def test_inline_texts(text, expected):
    assert str(inline.to_html(text)) == expected


@pytest.mark.parametrize("text", ["- a list", "1. a list", "# A heading", "one\n\ntwo"])
def test_block_markdown_is_refused(text):
    with pytest.raises(ValueError, match="one paragraph of inline text"):
        inline.to_html(text)
