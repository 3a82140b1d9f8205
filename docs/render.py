"""Renders the teacher guide (docs/teacher-guide.md and its translations) to printable HTML.

First it rewrites each guide's answer key from the content (content/questions.yaml `class_check:`, the
texts in content/strings/), so the key a teacher prints is always the one the game asks; then it turns
the Markdown into one self-contained HTML page per language, with a print stylesheet.

    python docs/render.py           rewrite the keys and the HTML files
    python docs/render.py --check   change nothing; exit 1 if any file is not what this would write

tests/app/test_teacher_guide.py runs the same functions, so a committed guide cannot go stale.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path
from typing import Any

import markdown

DOCS = Path(__file__).resolve().parent
GUIDES = {"en": DOCS / "teacher-guide.md", "es": DOCS / "teacher-guide.es.md"}
KEY_START = "<!-- answer key: written by docs/render.py from content/questions.yaml; edit it there -->"
KEY_END = "<!-- end of answer key -->"
LETTERS = "abcdefgh"
KEY_HEADINGS = {  # the key table's column headings, per guide language
    "en": ("Concept (id), and what it rests on", "Before play: question and right answer",
           "After play: question and right answer"),
    "es": ("Concepto (id), y en qué se basa", "Antes de jugar: pregunta y respuesta correcta",
           "Después de jugar: pregunta y respuesta correcta"),
}

# Printed on A4 or Letter alike: margins that fit both, 10-point type with room between lines (the guide
# fits five pages), ruled tables whose rows do not split, and each major section (##) on a fresh page.
STYLE = """
@page { margin: 16mm 15mm 18mm; }
html { font: 11pt/1.45 "Source Sans Pro", "Segoe UI", Helvetica, Arial, sans-serif; color: #111; }
body { max-width: 50em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .3em; }
h2 { font-size: 15pt; margin: 1.4em 0 .4em; padding-bottom: .15em; border-bottom: 1.5px solid #333; }
h3 { font-size: 12pt; margin: 1em 0 .3em; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p, li { orphans: 3; widows: 3; }
ul, ol { padding-left: 1.4em; }
li { margin: .15em 0; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 .8em; font-size: .92em; }
.key table { table-layout: fixed; font-size: .86em; }
.key td { padding: .22em .4em; }
.key th:nth-child(1) { width: 24%; } .key th:nth-child(2), .key th:nth-child(3) { width: 38%; }
th, td { border: 1px solid #555; padding: .3em .45em; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr, li, pre { break-inside: avoid; page-break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
pre { border: 1px solid #999; padding: .35em .5em; white-space: pre-wrap; }
@media print {
  html { font-size: 10pt; line-height: 1.38; }
  body { max-width: none; margin: 0; padding: 0; }
  h2 { break-before: page; page-break-before: always; }
  h2:first-of-type { break-before: auto; page-break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
"""


def letter(index: int) -> str:
    """An option's letter as the guide prints it: 0 -> a."""
    return LETTERS[index]


def _cell(text: str) -> str:
    """A content text made safe inside a Markdown table cell."""
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", html.escape(text, quote=False))


def _sources(content: Any, fact_ids: list[str], lang: str) -> str:
    """The publications an item's right answers rest on, once each: "Nextgov (2019); NIST, NISTIR 8280 (2019)"."""
    seen: list[str] = []
    for fact_id in fact_ids:
        source = content.sources[content.facts[fact_id].source]
        name = source.publication or content.strings[lang].get(source.publisher or "", source.id)
        if source.report:
            name = f"{name}, {source.report}"
        year = re.search(r"\d{4}(/\d{4})?", source.date)
        label = f"{name} ({year.group()})" if year else name
        if label not in seen:
            seen.append(label)
    return "; ".join(_cell(label) for label in seen)


def key_table(content: Any, lang: str) -> str:
    """The check's answer key as a Markdown table: per item its concept, id and the sources of its right
    answers, then each wording's question with its right answer (letter and text)."""
    strings = content.strings[lang]
    heads = KEY_HEADINGS[lang]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for item in content.class_check.values():
        sources = _sources(content, item.facts, lang)
        cells = [f"{_cell(strings[item.concept])} (`{item.id}`)" + (f"<br>*{sources}*" if sources else "")]
        for ask in (item.before, item.after):
            right = strings[ask.options[ask.answer]]
            cells.append(f"{_cell(strings[ask.prompt])}<br>**{letter(ask.answer)}.** {_cell(right)}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def with_key(text: str, content: Any, lang: str) -> str:
    """The guide's Markdown with the block between KEY_START and KEY_END rewritten from the content
    (in a div of class "key", which the stylesheet gives fixed column widths)."""
    start, end = text.find(KEY_START), text.find(KEY_END)
    if start < 0 or end < start:
        raise ValueError(f"the guide ({lang}) has no answer-key block: put {KEY_START!r} and {KEY_END!r} "
                         "on lines of their own")
    block = f'<div class="key" markdown="1">\n\n{key_table(content, lang)}\n\n</div>'
    return f"{text[:start + len(KEY_START)]}\n{block}\n{text[end:]}"


def render_html(text: str, lang: str) -> str:
    """One self-contained, printable HTML page from the guide's Markdown (its first line, "# ...", is the title)."""
    title = text.splitlines()[0].lstrip("# ").strip()
    body = markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "fenced_code", "sane_lists"],
                             output_format="html")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def outputs(content: Any) -> dict[Path, str]:
    """Every file this script writes, and what it writes there."""
    files: dict[Path, str] = {}
    for lang, path in GUIDES.items():
        text = with_key(path.read_text(encoding="utf-8"), content, lang)
        files[path] = text
        files[path.with_suffix(".html")] = render_html(text, lang)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the teacher guide to printable HTML.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    from game.content import load_content  # the game's own checked content: the key is what students see
    stale = {path: text for path, text in outputs(load_content()).items()
             if not path.exists() or path.read_text(encoding="utf-8") != text}
    for path, text in stale.items():
        if args.check:
            print(f"out of date: {path.relative_to(DOCS.parent)} (run python docs/render.py)")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(DOCS.parent)}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
