"""The teacher's screen from the title: codes typed on a keyboard, pasted, or keyed in by touch, mouse or
gamepad on its keypad; the results it shows are the tally's figures; the CSV and the printable page it
saves; and the codes it could not read, each with the reason."""
from __future__ import annotations

import csv
from pathlib import Path

import pygame
import pytest

from game.story.code import Codebook, normalise
from game.story.tally import tally
from game.story.views.teacher import mock_class
from game.ui.layout import Flow
from game.ui.scenes import teacher as teacher_scene

from .driver import Driver


@pytest.fixture
def book(content) -> Codebook:
    return Codebook.of(content)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """The only folder offered for saving: never the tester's own Documents."""
    monkeypatch.setattr(teacher_scene, "save_folders", lambda: [tmp_path])
    return tmp_path


def open_teacher(game, device: str) -> Driver:
    driver = Driver(game, device)
    driver.press("teacher")
    assert driver.scene.name == "teacher" and driver.scene.mode == "codes"
    return driver


def shown(game) -> list[str]:
    """Every text, choice and table row on every page of the screen, as the player reads it."""
    scene = game.scene
    _, laid = scene.laid_out()
    flow = Flow(game.ctx)
    return [flow.words(b.item) for page in range(len(laid.pages)) for b in laid.boxes(page)
            if b.item.kind in ("text", "pair", "button", "choice")]


def type_on_keyboard(game, text: str) -> None:
    """Each character as SDL sends it: the key, then the text it types (Enter for a line break)."""
    for char in text:
        if char == "\n":
            game.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r", scancode=0))
            continue
        key = ord(char.lower()) if char.isascii() else 0
        game.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0))
        game.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
    game.step()


def test_typing_on_the_keyboard_types_only(game, book):
    driver = open_teacher(game, "keyboard")
    scene = driver.scene
    code = book.encode({}, None, {"capture": 1})
    volume = game.ctx.run.prefs.sound
    # a code with M, W, A, S, D and I in it types them: no mute, no moving focus, no "How do we know?"
    typed = f"{code}\nmwasdi 7k3"
    type_on_keyboard(game, typed)
    assert scene.typed == typed and scene.focused_key() == "entry"
    assert game.ctx.run.prefs.sound == volume and game.scene is scene
    for _ in range(len("mwasdi 7k3")):  # Backspace erases, one character at a time, and stays on the screen
        game.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0, unicode="\b", scancode=0))
    assert scene.typed == f"{code}\n" and game.scene is scene
    assert any(line.startswith(code) for line in shown(game))
    assert "Codes read: 1 of 1" in shown(game)
    driver.press("results")
    assert scene.mode == "results" and "Codes read: 1 of 1." in shown(game)
    driver.signal("back")  # back from the results goes to the codes, then to the title
    assert scene.mode == "codes"
    driver.signal("back")
    assert game.scene.name == "title"


def test_paste_by_ctrl_v_and_by_the_button(game, book, monkeypatch):
    codes = mock_class(book, 5, seed=2, bad=0)
    monkeypatch.setattr(teacher_scene, "read_clipboard", lambda: "\r\n".join(codes[:3]))
    driver = open_teacher(game, "mouse")
    scene = driver.scene
    game.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_v, mod=pygame.KMOD_CTRL, unicode="v", scancode=0))
    assert scene.typed == "".join(f"{c}\n" for c in codes[:3])
    monkeypatch.setattr(teacher_scene, "read_clipboard", lambda: "  ".join(codes[3:]))  # on one line, spaced
    driver.press("paste")
    assert scene.tally().read == 5 and not scene.tally().bad
    monkeypatch.setattr(teacher_scene, "read_clipboard", lambda: "")  # nothing on the clipboard: said so
    driver.press("paste")
    assert scene.notice and any(line.startswith("Nothing to paste") for line in shown(game))


def test_no_clipboard_at_all_reads_as_empty(game, monkeypatch):
    def broken() -> str:
        raise pygame.error("no clipboard")
    monkeypatch.setattr(pygame.scrap, "get_text", broken)
    assert teacher_scene.read_clipboard() == ""


@pytest.mark.parametrize("device", ["touch", "gamepad", "mouse"])
def test_the_keypad_types_a_code(game, book, device):
    driver = open_teacher(game, device)
    scene = driver.scene
    code = normalise(book.encode({book.slots[0][0]: 2}, None, {"capture": 1}, {"capture": 2}))
    for char in code:
        driver.press(f"key:{char}")
    driver.press("newline")
    driver.press("key:Z")
    driver.press("delete")
    assert scene.typed == f"{code}\n"
    result = scene.tally()
    assert result.read == 1 and result.choices[book.slots[0][0]][2] == 1
    driver.press("clear")
    assert scene.typed == ""


def test_the_results_are_the_tally(game, book, content):
    codes = mock_class(book, 30, seed=5, bad=3)
    driver = open_teacher(game, "mouse")
    scene = driver.scene
    scene.type("\n".join(codes))
    driver.press("results")
    expected = tally(book, codes)
    lines = shown(game)
    assert f"Codes read: {expected.read} of 30. The 3 not read are listed at the end." in lines
    before, after = expected.phases["before"], expected.phases["after"]
    for cid, item in book.check.items():
        gain = (after.share(cid) - before.share(cid)) * 100
        sign = "" if round(abs(gain)) == 0 else "+" if gain > 0 else "\u2212"
        row = (f"{content.text(item.concept)} \u00b7 {before.share(cid) * 100:.0f}% \u00b7 "
               f"{after.share(cid) * 100:.0f}% \u00b7 {sign}{abs(gain):.0f}")
        assert row in lines
    assert f"Right answers per student, on average (out of {len(book.check)}) \u00b7 {before.mean():.1f} \u00b7 " \
           f"{after.mean():.1f}" in " ".join(lines)
    counts = [line.rsplit(" \u00b7 ", 2)[1] for line in lines if line.count(" \u00b7 ") == 2 and line.endswith("%")]
    assert counts == [str(expected.choices[slot][i]) for slot, options in book.slots for i in range(len(options))]
    for code, _ in expected.bad:  # the codes not read, each with its reason
        assert any(line.startswith(f"{code}: ") for line in lines)


def test_codes_not_read_are_listed_with_the_reason_and_can_be_removed(game, book):
    good = book.encode({}, None)
    typo = good[:-1] + ("0" if good[-1] != "0" else "1")
    driver = open_teacher(game, "touch")
    scene = driver.scene
    scene.type(f"{good}\n{typo}\n{good[:-3]}\n{good.replace(good[1], '!', 1)}\n")
    lines = shown(game)
    assert f"{typo}: a typo: its last two characters do not match the rest" in lines
    assert f"{good[:-3]}: a code has {book.length} characters, and this one has {book.length - 3}" in lines
    assert any(line.endswith("and this one has !") for line in lines)
    assert "Codes read: 1 of 4. Not read: 3, listed below with the reason." in lines
    driver.press("drop_bad")
    assert scene.typed == f"{good}\n" and scene.tally().read == 1


def test_saving_the_csv_and_the_printable_page(game, book, folder):
    codes = mock_class(book, 30, seed=5, bad=2)
    driver = open_teacher(game, "gamepad")
    scene = driver.scene
    scene.type("\n".join(codes))
    driver.press("results")
    driver.press("folder:0")
    driver.press("save_csv")
    (table,) = folder.glob("*.csv")
    with table.open(newline="", encoding="utf-8") as saved:
        assert list(csv.reader(saved)) == [list(row) for row in tally(book, codes).rows()]
    assert f"Saved to {table}" in shown(game)
    driver.press("save_png")
    sheets = sorted(folder.glob("*.png"))
    assert sheets and all(path.stat().st_size > 10_000 for path in sheets)
    assert pygame.image.load(str(sheets[0])).get_size() == teacher_scene.PAGE
    assert any(line.startswith(f"Saved to {sheets[0]}") for line in shown(game))


def test_a_failed_save_says_why_and_nothing_is_saved_without_codes(game, book, tmp_path, monkeypatch):
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    monkeypatch.setattr(teacher_scene, "save_folders", lambda: [not_a_folder])
    driver = open_teacher(game, "mouse")
    scene = driver.scene
    driver.press("results")
    driver.press("save_csv")
    assert "Nothing to save yet: no code has been read." in shown(game)
    driver.press("edit")
    scene.type(book.encode({}, None))
    driver.press("results")
    driver.press("save_csv")
    assert scene.status[0] == "failed"
    assert any(line.startswith("Could not save (") for line in shown(game))
    assert not_a_folder.read_text() == ""
