"""The teacher's screen: type or paste a class's decision codes, see what they add up to, save the tally
as a table (CSV) or a printable page (PNG) in a folder the teacher picks (see game.story.views.teacher).

Typing: the keyboard types (SDL's text input; the keys that type do nothing else here), Ctrl+V and the
Paste button read the clipboard, and a keypad of the code's characters lets touch and a gamepad type
too. Nothing goes over a network; a file is written only when the teacher presses Save.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime
from pathlib import Path
from typing import Callable, Iterator

import pygame

from game.story.code import Codebook
from game.story.numbers import Numbers
from game.story.screen import Item, Screen
from game.story.tally import ClassTally, split_codes, tally
from game.story.views.teacher import (KEYPAD, codes_screen, mock_class, page_items, results_screen,
                                      without_bad)

from .. import input as I
from .. import theme
from ..layout import GAP, Flow, pieces
from ..scene import Context
from ..screens import ScreenScene, paint_boxes
from ..text import Text

CODES, RESULTS = "codes", "results"
MAX_TEXT = 40_000   # characters kept in the entry: about two thousand codes, far more than a class
PAGE = (1240, 1754)  # the printable page: A4 at 150 dots to the inch
PAGE_MARGIN = 72
PAGE_SCALE = 0.72    # body text about 10 points on the printed page
# dark on white for paper (the screen's palettes are light on dark); the same roles as theme.Palette
PRINT = dataclasses.replace(
    theme.STANDARD, background=(255, 255, 255), panel=(244, 245, 247), panel_edge=(120, 128, 140), text=(0, 0, 0),
    muted=(60, 66, 74), accent=(20, 60, 140), accent_text=(255, 255, 255), good=(0, 100, 50), bad=(160, 0, 0),
    warn=(120, 80, 0))


def save_folders() -> list[Path]:
    """The folders a teacher may save in: of Documents, the desktop, Downloads and the home folder, those
    that exist on this computer, in that order."""
    import platformdirs
    found: list[Path] = []
    for where in (platformdirs.user_documents_dir, platformdirs.user_desktop_dir, platformdirs.user_downloads_dir,
                  lambda: str(Path.home())):
        try:
            path = Path(where())
        except (OSError, RuntimeError, KeyError):  # no home folder to speak of (a locked-down account)
            continue
        if path.is_dir() and path not in found:
            found.append(path)
    return found


def read_clipboard() -> str:
    """The clipboard's text, or "" when there is none or no clipboard at all (a headless run, no window)."""
    try:
        got = pygame.scrap.get_text()
    except (pygame.error, AttributeError, NotImplementedError, SystemError):
        return ""
    if isinstance(got, bytes):
        got = got.decode("utf-8", "replace")
    return got or ""


def clean(typed: str) -> str:
    """What may go into the entry: printable characters and line breaks (a paste may hold anything)."""
    typed = typed.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(c for c in typed if c == "\n" or c.isprintable())


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """A file name in `folder` not yet taken: stem.suffix, else stem-2.suffix, and so on."""
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


def write_csv(path: Path, result: ClassTally) -> None:
    """The tally's rows (ClassTally.rows), as `face-value codes` writes them; never over another file."""
    with path.open("x", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(result.rows())


class TeacherScene(ScreenScene):
    """The codes, then the results; the typed text lasts while the scene does (leaving it forgets them)."""

    name = "teacher"
    @property
    def takes_text(self) -> bool:
        """game.ui.input: the keyboard types here while the codes are entered (not on the results, where
        V, R and M do what they do everywhere)."""
        return self.mode == CODES

    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.codebook = Codebook.of(ctx.content)
        self.typed = ""
        self.mode = CODES
        self.folders = save_folders()
        self.folder = 0
        self.status: tuple[str, ...] | None = None  # the last save (game.story.views.teacher.save_panel)
        self.notice = False  # Paste found nothing to paste
        self._tally: tuple[str, ClassTally] | None = None
        self._numbers: dict[str, Numbers] = {}

    # -- what the screen holds ---------------------------------------------------------------------
    def numbers(self) -> Numbers:
        language = self.ctx.run.prefs.language
        if language not in self._numbers:
            self._numbers[language] = Numbers(self.ctx.t)
        return self._numbers[language]

    def tally(self) -> ClassTally:
        """Every code typed, tallied (once per text)."""
        if self._tally is None or self._tally[0] != self.typed:
            self._tally = (self.typed, tally(self.codebook, split_codes(self.typed, self.codebook.length)))
        return self._tally[1]

    def screen(self) -> Screen:
        if self.mode == CODES:
            return self.memo((CODES, self.typed, self.notice),
                             lambda: codes_screen(self.typed, self.codebook, self.numbers(), self.notice))
        folders = [str(f) for f in self.folders]
        return self.memo((RESULTS, self.typed, tuple(folders), self.folder, self.status),
                         lambda: results_screen(self.ctx.world, self.codebook, self.tally(), self.numbers(), folders,
                                                self.folder, self.status))

    def painters(self) -> dict[str, Callable[[pygame.Surface, pygame.Rect, Item], None]]:
        return {"bar": bar_painter(self.ctx)}

    def actions(self) -> dict[str, Callable[[], None]]:
        keys = {f"key:{char}": self._typer(char) for char in KEYPAD}
        folders = {f"folder:{i}": self._folder_chooser(i) for i in range(len(self.folders))}
        return {**keys, **folders, "entry": lambda: self.focus_key("entry"), "newline": lambda: self.type("\n"),
                "delete": self.erase, "clear": self.clear, "paste": self.paste, "drop_bad": self.drop_bad,
                "results": self.show_results, "edit": self.edit, "back": self.back,
                "save_csv": lambda: self.save("csv"), "save_png": lambda: self.save("png")}

    def states(self) -> Iterator[str]:
        """The empty entry; a class of thirty with codes not read and a code half typed; Paste with an empty
        clipboard; a page of notes pasted instead of codes; the results of that class (as opened, saved, failed to save, nothing to save); the
        results of no codes, and of codes with no check answers."""
        kept = (self.typed, self.mode, self.status, self.notice)
        codes = mock_class(self.codebook, 30, seed=3, bad=4)
        plain = [self.codebook.encode({slot: 1 for slot, _ in self.codebook.slots}, None) for _ in range(3)]
        saved = "/home/a-teacher/Documents/face-value-class-2024-09-30-1415-2.png"  # one word: fits a line at 200%
        notes = "Period 3, Tuesday: collect the permission slips; the decision codes are on the whiteboard.\n" * 4
        steps = [("empty entry", "", CODES, None, False),
                 ("a class of 30, 4 not read, one half typed", "\n".join(codes) + "\n7K3QA 2B", CODES, None, False),
                 ("nothing to paste", "", CODES, None, True),
                 ("a page of notes pasted by mistake", notes, CODES, None, False),
                 ("results of 30", "\n".join(codes), RESULTS, None, False),
                 ("saved", "\n".join(codes), RESULTS, ("saved", saved, "1"), False),
                 ("saved on two sheets", "\n".join(codes), RESULTS, ("saved", saved, "2"), False),
                 ("could not save", "\n".join(codes), RESULTS, ("failed", "/media/usb: Read-only file system"), False),
                 ("results of nothing", "", RESULTS, ("nothing",), False),
                 ("no check answers", " ".join(plain), RESULTS, None, False)]
        for name, typed, mode, status, notice in steps:
            self.typed, self.mode, self.status, self.notice = typed, mode, status, notice
            self.page = 0
            self.refresh()
            yield name
        self.typed, self.mode, self.status, self.notice = kept
        self.refresh()

    # -- input ---------------------------------------------------------------------------------------
    def handle(self, intent: I.Intent) -> None:
        """Typing goes into the entry (on the results, Backspace goes back to the codes); Enter on the
        entry starts a new line; the rest as on any screen."""
        kind = intent.kind
        if kind == I.PASTE:
            self.paste()
        elif kind == I.TEXT and self.mode == CODES:
            self.type(intent.text)
        elif kind == I.ERASE and self.mode == CODES:
            self.erase()
        elif kind == I.ERASE:
            self.edit()
        elif kind == I.CONFIRM and self.focused_key() == "entry":
            self.type("\n")
        elif kind != I.TEXT:
            super().handle(intent)

    def type(self, chars: str) -> None:
        added = clean(chars)
        if added and len(self.typed) < MAX_TEXT:
            self.typed = (self.typed + added)[:MAX_TEXT]
            self.changed()

    def _typer(self, char: str) -> Callable[[], None]:
        return lambda: self.type(char)

    def erase(self) -> None:
        if self.typed:
            self.typed = self.typed[:-1]
            self.changed()

    def clear(self) -> None:
        self.typed = ""
        self.changed()

    def paste(self) -> None:
        """The clipboard's codes, after what is typed, on a line of their own."""
        pasted = clean(read_clipboard()).strip()
        self.mode = CODES
        if not pasted:
            self.notice = True
            self.refresh()
            return
        if self.typed and not self.typed.endswith("\n"):
            pasted = "\n" + pasted
        self.type(pasted + "\n")

    def drop_bad(self) -> None:
        self.typed = without_bad(self.typed, self.codebook)
        self.changed()
        self.focus_key("entry")

    def changed(self) -> None:
        self.notice = False
        self.status = None
        self.refresh()

    # -- the two steps -------------------------------------------------------------------------------
    def show_results(self) -> None:
        self.mode, self.page = RESULTS, 0
        self.refresh()
        self.focus_key("edit")

    def edit(self) -> None:
        self.mode, self.page = CODES, 0
        self.refresh()
        self.focus_key("entry")

    def back(self) -> None:
        if self.mode == RESULTS:
            self.edit()
        else:
            super().back()

    def _folder_chooser(self, index: int) -> Callable[[], None]:
        def choose() -> None:
            self.folder, self.status = index, None
            self.refresh()
        return choose

    # -- saving ----------------------------------------------------------------------------------------
    def save(self, kind: str) -> None:
        """The tally as a CSV table or a PNG page in the chosen folder, never over another file; the
        screen says where it went, or why it did not."""
        result = self.tally()
        if not result.read or not self.folders:
            self.status = ("nothing",)
            self.refresh()
            return
        folder = self.folders[min(self.folder, len(self.folders) - 1)]
        now = datetime.datetime.now()
        stem = f"face-value-class-{now:%Y-%m-%d-%H%M}"
        try:
            if kind == "csv":
                paths = [free_name(folder, stem, ".csv")]
                write_csv(paths[0], result)
            else:
                images = self.sheets(result, now.date().isoformat())
                paths = [free_name(folder, stem if len(images) == 1 else f"{stem}-page-{n}", ".png")
                         for n in range(1, len(images) + 1)]
                for image, path in zip(images, paths):
                    pygame.image.save(image, str(path))
        except (OSError, pygame.error) as error:
            why = getattr(error, "strerror", None) or str(error) or error.__class__.__name__
            self.status = ("failed", f"{folder}: {why}")
        else:
            self.status = ("saved", str(paths[0]), str(len(paths)))
        self.refresh()

    def sheets(self, result: ClassTally, date: str) -> list[pygame.Surface]:
        """The results on white A4 sheets, laid out and painted as the screen is (a class's results take one
        or two); the title, date and summary head the first."""
        printing = dataclasses.replace(self.ctx, text=Text(PAGE_SCALE), palette=PRINT)
        flow = Flow(printing)
        width, room = PAGE[0] - 2 * PAGE_MARGIN, PAGE[1] - 2 * PAGE_MARGIN
        blocks: list[list[Item]] = [[]]
        used = 0
        for item in page_items(self.ctx.world, self.codebook, result, self.numbers(), date):
            for block in pieces(flow, item, width, room, room - used - GAP if blocks[-1] else None):
                height = flow.height(block, width)
                if blocks[-1] and used + GAP + height > room:
                    blocks.append([])
                    used = 0
                blocks[-1].append(block)
                used += height + (GAP if used else 0)
        images = []
        for sheet in blocks:
            boxes, _ = flow.place(Item("column", items=tuple(sheet)), PAGE_MARGIN, PAGE_MARGIN, width)
            image = pygame.Surface(PAGE)
            image.fill(PRINT.background)
            paint_boxes(image, printing, boxes, None, {"bar": bar_painter(printing)})
            images.append(image)
        return images


def bar_painter(ctx: Context) -> Callable[[pygame.Surface, pygame.Rect, Item], None]:
    """A bar: its outline is every code read, its fill the share that chose the option (the count and
    the share are written beside it, so nothing rests on the bar or its colour)."""
    def paint(surface: pygame.Surface, rect: pygame.Rect, item: Item) -> None:
        p = ctx.palette
        pygame.draw.rect(surface, p.background, rect, border_radius=4)
        pygame.draw.rect(surface, p.panel_edge, rect, width=2, border_radius=4)
        filled = rect.inflate(-6, -6)
        filled.w = round(filled.w * min(max(item.data["share"], 0.0), 1.0))
        if filled.w > 0:
            pygame.draw.rect(surface, p.accent, filled, border_radius=3)
    return paint
