"""The teacher's screen: a class's decision codes typed or pasted in, and what they add up to: each
question's choices as bars with their counts, the class check before and after play with the gain per
concept, and the codes that could not be read, with the reason. Saved as a table or a printable page.

Two steps of one scene: the codes (an entry, and a keypad of the code's letters so touch and a gamepad
type as a keyboard does), then the results. The printable page is the results' items again. Every
figure comes from game.story.tally, as the CSV's and `face-value codes`' do. No names: a code holds
choices and answers only.
"""
from __future__ import annotations

import random
from typing import Any

from ..code import AFTER, ALPHABET, BEFORE, Codebook, normalise
from ..numbers import DASH, Numbers
from ..screen import Item, Screen, Words, button, choice, column, grid, pair, panel, row, text
from ..tally import SEPARATORS, ClassTally, split_codes, tally
from .board import option_words
from .crossing import continues

KEYPAD = tuple(ALPHABET)  # the on-screen keys: every character a code has
ENTRY_LINES = 4           # the entry shows the last few codes; the results show what every code said
SHOWN_CHARS = 24          # a code not read is shown up to this many characters (a paste may hold anything)
SHOWN_BAD = 20            # and at most this many codes not read are listed, then how many more
CARET = "|"
BAR = {"painter": "bar", "height": 14}  # a bar's length is its share of the codes read; the count is beside it
PAGE_CHART_WIDTH = 440  # three charts across the printed page
MINUS = "\u2212"


# -- the text typed ----------------------------------------------------------------------------------
def last_line(text: str) -> tuple[str, str]:
    """The text before the line being typed, and that line (after the last line break or comma)."""
    ends = list(SEPARATORS.finditer(text))
    return (text[:ends[-1].start()], text[ends[-1].end():]) if ends else ("", text)


def pending(text: str, codebook: Codebook) -> str:
    """The line still being typed, while it is shorter than a code: not yet counted as a code not read."""
    line = last_line(text)[1]
    return line if len(normalise(line)) < codebook.length else ""


def finished_codes(text: str, codebook: Codebook) -> list[str]:
    """The codes in the text but the one still being typed (the entry's count and its list of codes not read)."""
    line = pending(text, codebook)
    return split_codes(text[:len(text) - len(line)] if line else text, codebook.length)


def without_bad(text: str, codebook: Codebook) -> str:
    """The text with the codes that cannot be read taken out: the rest one a line, the line being typed kept."""
    codes = finished_codes(text, codebook)
    bad = {code for code, _ in tally(codebook, codes).bad}
    return "".join(f"{code}\n" for code in codes if code not in bad) + pending(text, codebook)


def shown_code(code: str) -> str:
    return code if len(code) <= SHOWN_CHARS else code[:SHOWN_CHARS - 1] + "\u2026"


def mock_class(codebook: Codebook, count: int = 30, seed: int = 1, bad: int = 3) -> list[str]:
    """A made-up class for checking the screen: `count` codes with random choices and check answers
    (better after play than before), the last `bad` of them spoiled as a hand copy spoils them."""
    rng = random.Random(seed)
    codes = []
    for n in range(count):
        decisions = {slot: rng.randrange(len(options)) for slot, options in codebook.slots}
        before = {cid: item.before.answer if rng.random() < 0.4 else rng.randrange(len(item.before.options))
                  for cid, item in codebook.check.items()}
        after = {cid: item.after.answer if rng.random() < 0.75 else rng.randrange(len(item.after.options))
                 for cid, item in codebook.check.items()}
        codes.append(codebook.encode(decisions, 4.25 if n % 7 == 0 else None, before, after))
    spoilers = [lambda c: c[:-1] + ("0" if c[-1] != "0" else "1"),  # a typo in the last character
                lambda c: c[:-3],                                      # characters left off
                lambda c: c.replace(c[7], "!", 1)]                     # a character no code has
    for i in range(min(bad, count)):
        codes[count - 1 - i] = spoilers[i % len(spoilers)](codes[count - 1 - i])
    return codes


# -- the codes step -------------------------------------------------------------------------------------
def entry(typed: str, codebook: Codebook, numbers: Numbers) -> Item:
    """The codes typed so far, the last few one a line with the caret after them: a control (its own
    focus ring) that Enter types a new line into."""
    head, line = last_line(typed)
    lines = split_codes(head, codebook.length) + [line]
    shown = lines[-ENTRY_LINES:]
    parts = []
    if len(lines) > len(shown):
        parts.append(text("teacher.above", "small_muted", n=numbers.count(len(lines) - len(shown))))
    if not typed.strip():
        parts.append(text("teacher.placeholder", "muted"))
    parts.append(text("teacher.typed", "body", text="\n".join(shown if typed.strip() else [""]) + CARET))
    return Item("button", (Words("teacher.entry"),), key="entry", items=tuple(parts))


def keypad() -> Item:
    """Every character a code has, one key each (a grid, so a page break falls between its rows)."""
    return grid(*(button(f"key:{char}", "teacher.char", char=char) for char in KEYPAD), min_width=88)


def edit_keys() -> Item:
    """Under the entry: a new line, delete the last character, clear everything, paste the clipboard."""
    return row(button("newline", "teacher.newline"), button("delete", "teacher.delete"),
               button("clear", "teacher.clear"), button("paste", "teacher.paste"))


def not_read(result: ClassTally, numbers: Numbers, remove: bool) -> Item | None:
    """The codes that could not be read, each with the reason; on the codes step, a button to take them out."""
    bad = result.bad
    if not bad:
        return None
    lines = [Item("text", (Words.of("teacher.bad_line", {"code": shown_code(code), "reason": reason}),), "small")
             for code, reason in bad[:SHOWN_BAD]]
    more = None if len(bad) <= SHOWN_BAD else text("teacher.more_bad", "small_muted",
                                                    n=numbers.count(len(bad) - SHOWN_BAD))
    drop = button("drop_bad", "teacher.drop_bad") if remove else None
    return panel(text("teacher.bad_heading", "accent", n=numbers.count(len(bad))), *lines, more, drop)


def codes_screen(typed: str, codebook: Codebook, numbers: Numbers, notice: bool = False) -> Screen:
    """Step one: the entry and the keypad side by side, how many codes are read, and which are not.
    `notice`: Paste found nothing to paste."""
    result = tally(codebook, finished_codes(typed, codebook))
    read, total = numbers.count(result.read), numbers.count(result.total)
    if not result.total:
        count = text("teacher.none_yet", "small_muted")
    elif result.bad:
        count = text("teacher.count_bad", "small", read=read, total=total, bad=numbers.count(len(result.bad)))
    else:
        count = text("teacher.count", "small", read=read, total=total)
    left = column(entry(typed, codebook, numbers), count, edit_keys(),
                  text("teacher.pasted_nothing", "alert") if notice else None,
                  not_read(result, numbers, remove=True))
    header = column(text("teacher.label", "label"), text("teacher.heading", "heading"), text("teacher.intro", "muted"))
    body = (header, continues(row(left, keypad(), weights=(1, 1), min_width=450)))  # stacks at 200% text
    actions = (button("results", "teacher.see_results", primary=True), button("back", "common.back"))
    return Screen("teacher", body, actions, focus="entry")


# -- the results ----------------------------------------------------------------------------------------
def percent(share: float | None, numbers: Numbers) -> Words:
    if share is None:
        return Words.of("teacher.value", {"value": DASH})
    return Words.of("teacher.percent", {"n": numbers.decimal(share * 100, 0)})


def signed(value: float | None, numbers: Numbers, places: int) -> Words:
    """A gain with its sign: +12, \u221212, 0 (a dash where there is nothing to compare)."""
    if value is None:
        return Words.of("teacher.value", {"value": DASH})
    sign = "" if round(abs(value), places) == 0 else "+" if value > 0 else MINUS
    return Words.of("teacher.signed", {"sign": sign, "n": numbers.decimal(abs(value), places)})


def check_table(codebook: Codebook, result: ClassTally, numbers: Numbers) -> Item | None:
    """Per concept, the share who chose the right answer before play and after, and the gain (in
    percentage points); then the mean score of each round, out of the check's items, and who answered."""
    if not codebook.check:
        return None
    before, after = result.phases[BEFORE], result.phases[AFTER]
    heading = text("teacher.check_heading", "subheading")
    if not before.students and not after.students:
        return panel(heading, text("teacher.no_check", "small_muted"))
    rows = [pair(Words("teacher.concept"), Words("teacher.before"), Words("teacher.after"), Words("teacher.gain"),
                 role="strong")]
    for cid, item in codebook.check.items():
        gain = result.gain(cid)
        rows.append(pair(Words(item.concept), percent(before.share(cid), numbers), percent(after.share(cid), numbers),
                         signed(None if gain is None else gain * 100, numbers, 0)))
    means = (before.mean(), after.mean())
    gain = None if None in means else means[1] - means[0]

    def mean(value: float | None) -> Words:
        return Words.of("teacher.value", {"value": DASH if value is None else numbers.decimal(value, 1)})
    rows.append(pair(Words.of("teacher.mean", {"items": numbers.count(len(codebook.check))}), mean(means[0]),
                     mean(means[1]), signed(gain, numbers, 1), role="strong"))
    rows.append(pair(Words("teacher.students"), Words.of("teacher.value", {"value": numbers.count(before.students)}),
                     Words.of("teacher.value", {"value": numbers.count(after.students)}),
                     Words.of("teacher.value", {"value": ""})))
    return panel(heading, text("teacher.check_intro", "small_muted"), column(*rows))


def question_chart(world: Any, slot: str, options: list[Any], result: ClassTally, numbers: Numbers,
                   title_role: str = "subheading") -> Item:
    """One question: each option with how many chose it (and what share of the codes read), and a bar."""
    question = world.content.questions[slot.removesuffix(".algorithm")]
    title = question.algorithm_label if slot.endswith(".algorithm") else question.title
    counts, read = result.choices[slot], result.read
    parts: list[Item] = []
    for index, option in enumerate(options):
        n = counts[index]
        parts += [pair(option_words(world, option, numbers), Words.of("teacher.value", {"value": numbers.count(n)}),
                       percent(n / read if read else None, numbers)),
                  Item("chart", data={**BAR, "share": n / read if read else 0.0}),
                  Item("spacer", data={"height": 10})]
    dragged = None
    if question.kind == "threshold_lab" and not slot.endswith(".algorithm") and result.dragged:
        dragged = text("teacher.dragged", "small_muted", count=numbers.count(result.dragged))
    return panel(text(title, title_role), Item("column", items=tuple(parts[:-1]), data={"gap": 2}), dragged)


def results_items(world: Any, codebook: Codebook, result: ClassTally, numbers: Numbers,
                  printed: bool = False) -> tuple[Item, ...]:
    """What the codes add up to: the check, each question's chart, the codes not read. The screen and the
    printable page both show these (`printed`: the charts narrower, under smaller titles, to fit a sheet)."""
    if not result.read:
        return tuple(i for i in (text("teacher.none_read", "body"), not_read(result, numbers, False))
                     if i is not None)
    title = "strong" if printed else "subheading"
    charts = grid(*(question_chart(world, slot, options, result, numbers, title) for slot, options in codebook.slots),
                  min_width=PAGE_CHART_WIDTH if printed else 620)
    parts = (check_table(codebook, result, numbers), charts, not_read(result, numbers, False))
    return tuple(i for i in parts if i is not None)


def summary(result: ClassTally, numbers: Numbers) -> Item:
    read, total = numbers.count(result.read), numbers.count(result.total)
    if result.bad:
        return text("teacher.summary_bad", "body", read=read, total=total, bad=numbers.count(len(result.bad)))
    return text("teacher.summary", "body", read=read, total=total)


def save_panel(folders: list[str], chosen: int, status: tuple[str, ...] | None, readable: bool) -> Item:
    """Where to save (each folder that exists, as a choice), the two kinds of file, and what happened:
    `status` is ("saved", path, files), ("failed", why) or ("nothing",)."""
    parts: list[Item | None] = [text("teacher.save_heading", "subheading"), text("teacher.save_intro", "small_muted")]
    if not folders:
        parts.append(text("teacher.no_folder", "alert"))
    else:
        parts.append(text("teacher.folder_heading", "label"))  # a label stays with the choices under it
        parts += [choice(f"folder:{i}", Words.of("teacher.folder", {"path": path}), i == chosen)
                  for i, path in enumerate(folders)]
        parts.append(row(button("save_csv", "teacher.save_csv", primary=True), button("save_png", "teacher.save_png")))
    if status is not None:
        kind, *detail = status
        if kind == "saved" and detail[1] == "1":
            parts.append(text("teacher.saved", "ok", path=detail[0]))
        elif kind == "saved":  # a printable page that took more than one sheet: a file each, side by side
            parts.append(text("teacher.saved_pages", "ok", path=detail[0], n=detail[1]))
        elif kind == "failed":
            parts.append(text("teacher.failed", "alert", reason=detail[0]))
        else:
            parts.append(text("teacher.nothing_to_save", "alert"))
    elif not readable:
        parts.append(text("teacher.nothing_to_save", "small_muted"))
    return panel(*parts)


def results_screen(world: Any, codebook: Codebook, result: ClassTally, numbers: Numbers, folders: list[str],
                   chosen: int, status: tuple[str, ...] | None) -> Screen:
    """Step two: the summary, the results, and the saving; back to the codes to change them."""
    header = column(text("teacher.label", "label"), text("teacher.results_heading", "heading"),
                    summary(result, numbers) if result.total else None)
    body = (header, *results_items(world, codebook, result, numbers),
            save_panel(folders, chosen, status, bool(result.read)))
    actions = (button("edit", "teacher.edit", primary=True), button("back", "common.back"))
    return Screen("teacher", body, actions, focus="save_csv" if status else "edit")


def page_items(world: Any, codebook: Codebook, result: ClassTally, numbers: Numbers, date: str) -> tuple[Item, ...]:
    """The printable page: a title, the date, the summary, then the results as on the screen (the charts
    three across, so a class's results fit a sheet or two)."""
    header = column(text("teacher.page_title", "heading"), text("teacher.page_note", "small_muted", date=date),
                    summary(result, numbers))
    return (header, *results_items(world, codebook, result, numbers, printed=True))
