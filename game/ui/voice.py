"""Self-voicing's speech engine layer: the platform's own speech engine (espeak-ng on Linux, `say` on
macOS, SAPI on Windows) run as a subprocess, and a queue that speaks one utterance after another
without ever holding up a frame.

Why a subprocess rather than a library such as pyttsx3: it adds no dependency, each platform's own
engine does the speaking, and killing the process is the one reliable way to cut an utterance off
mid-word (pyttsx3's `stop` does not interrupt a blocking `runAndWait`). None of these engines uses
the network.

The engine only says what it is given; `spoken` rewrites figures and symbols so they are read out
right in English and Spanish, and `Voice` applies it to everything it queues.
"""
from __future__ import annotations

import base64
import contextlib
import os
import re
import shutil
import subprocess
import sys
from collections import deque
from pathlib import Path
from typing import Protocol

NO_ENGINE = "speech.no_engine"  # the text id the UI shows when find_engine() found nothing
RATE = 165  # words per minute for espeak-ng and say: a little slower than their default of 175

# the voices to try for each language, best first (a Latin American Spanish voice for a US-Mexico border)
ESPEAK_VOICES = {"en": ("en-us", "en"), "es": ("es-419", "es")}
SAY_LOCALES = {"en": ("en_US", "en_"), "es": ("es_MX", "es_US", "es_419", "es_")}
SAPI_CULTURES = {"en": ("en-US", "en"), "es": ("es-MX", "es-US", "es")}


class Utterance(Protocol):
    def done(self) -> bool: ...
    def stop(self) -> None: ...


class Engine(Protocol):
    def start(self, text: str, lang: str) -> Utterance: ...


class _Finished:
    """An utterance that could not start (the engine vanished, no sound device): already over."""

    def done(self) -> bool:
        return True

    def stop(self) -> None:
        pass


_stopping: list[subprocess.Popen] = []  # terminated processes not yet reaped; reaped without waiting


def _reap() -> None:
    _stopping[:] = [proc for proc in _stopping if proc.poll() is None]


class _Process:
    """One utterance spoken by one process: done when it exits, stopped by terminating it."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc

    def done(self) -> bool:
        return self.proc.poll() is not None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            _stopping.append(self.proc)


def _popen(command: list[str], stdin_text: str | None = None, env: dict[str, str] | None = None) -> Utterance:
    """Start a speaking process, never through a shell; a process that cannot start is a finished utterance."""
    _reap()
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except OSError:
        return _Finished()
    if stdin_text is not None and proc.stdin:
        try:  # an utterance is far below a pipe's buffer, so this does not wait for the reader
            proc.stdin.write(stdin_text.encode("utf-8"))
        except OSError:  # it exited at once
            pass
        finally:
            with contextlib.suppress(OSError):
                proc.stdin.close()
    return _Process(proc)


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


class EspeakEngine:
    """espeak-ng (or the older espeak), with a voice for each language where one is installed."""

    def __init__(self, program: str = "espeak-ng", rate: int = RATE):
        self.program = program
        self.rate = rate
        self._voices: dict[str, str | None] = {}

    def voice(self, lang: str) -> str | None:
        """The installed voice for this language (asked once, a few milliseconds), or None for the default."""
        base = _base(lang)
        if base not in self._voices:
            try:
                listing = subprocess.run([self.program, f"--voices={base}"], capture_output=True, text=True,
                                         timeout=5, check=False).stdout
            except (OSError, subprocess.SubprocessError):
                listing = ""
            installed = {line.split()[1] for line in listing.splitlines()[1:] if len(line.split()) > 1}
            wanted = ESPEAK_VOICES.get(base, (base,))
            self._voices[base] = next((v for v in wanted if v in installed), None)
        return self._voices[base]

    def command(self, text: str, lang: str, wav: Path | None = None) -> list[str]:
        voice = self.voice(lang)
        return [self.program, *(["-v", voice] if voice else []), "-s", str(self.rate),
                *(["-w", str(wav)] if wav else []), "--", text]  # "--": a text such as "-3" is not an option

    def start(self, text: str, lang: str) -> Utterance:
        return _popen(self.command(text, lang))


_SAY_VOICE = re.compile(r"^(?P<name>.+?)\s+(?P<locale>[a-z]{2,3}[_-][A-Za-z0-9]+)\s+#")


class SayEngine:
    """macOS `say`; the text goes in on stdin, so nothing in it can be read as an option."""

    def __init__(self, program: str = "say", rate: int = RATE):
        self.program = program
        self.rate = rate
        self._listing: list[tuple[str, str]] | None = None

    def voice(self, lang: str) -> str | None:
        """The first installed voice whose locale fits the language, best locale first (`say -v '?'`, asked once)."""
        if self._listing is None:
            try:
                out = subprocess.run([self.program, "-v", "?"], capture_output=True, text=True, timeout=5,
                                     check=False).stdout
            except (OSError, subprocess.SubprocessError):
                out = ""
            self._listing = [(m["name"], m["locale"]) for m in map(_SAY_VOICE.match, out.splitlines()) if m]
        base = _base(lang)
        for prefix in SAY_LOCALES.get(base, (base + "_",)):
            for name, locale in self._listing:
                if locale.replace("-", "_").startswith(prefix):
                    return name
        return None

    def start(self, text: str, lang: str) -> Utterance:
        voice = self.voice(lang)
        return _popen([self.program, *(["-v", voice] if voice else []), "-r", str(self.rate)], stdin_text=text)


# Windows PowerShell's System.Speech (SAPI). The script is fixed: the text, the cultures to look for and the
# rate reach it through environment variables, so no text is ever part of a command line.
_SAPI_SCRIPT = """
Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$voices = @($s.GetInstalledVoices() | Where-Object { $_.Enabled })
foreach ($c in ($env:FACE_VALUE_CULTURES -split ' ')) {
  $v = $voices | Where-Object { $_.VoiceInfo.Culture.Name -like ($c + '*') } | Select-Object -First 1
  if ($v) { $s.SelectVoice($v.VoiceInfo.Name); break }
}
$s.Rate = [int]$env:FACE_VALUE_RATE
$s.Speak($env:FACE_VALUE_TEXT)
"""


class SapiEngine:
    """Windows SAPI through Windows PowerShell (pwsh lacks System.Speech); rate from -10 to 10, 0 the default."""

    def __init__(self, program: str = "powershell", rate: int = 0):
        self.program = program
        self.rate = rate

    def command(self) -> list[str]:
        encoded = base64.b64encode(_SAPI_SCRIPT.encode("utf-16-le")).decode("ascii")
        return [self.program, "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded]

    def start(self, text: str, lang: str) -> Utterance:
        base = _base(lang)
        env = {**os.environ, "FACE_VALUE_TEXT": text, "FACE_VALUE_RATE": str(self.rate),
               "FACE_VALUE_CULTURES": " ".join(SAPI_CULTURES.get(base, (base,)))}
        return _popen(self.command(), env=env)


def find_engine() -> Engine | None:
    """The platform's own engine if it is there, else espeak-ng or espeak on any platform, else None."""
    if sys.platform == "darwin" and (say := shutil.which("say")):
        return SayEngine(say)
    if sys.platform == "win32" and (powershell := shutil.which("powershell")):
        return SapiEngine(powershell)
    for name in ("espeak-ng", "espeak"):
        if program := shutil.which(name):
            return EspeakEngine(program)
    return None


class FakeUtterance:
    def __init__(self, engine: FakeEngine, text: str, lang: str, finished: bool):
        self.engine, self.text, self.lang = engine, text, lang
        self.finished, self.stopped = finished, False

    def done(self) -> bool:
        return self.finished or self.stopped

    def stop(self) -> None:
        if not self.done():
            self.stopped = True
            self.engine.stopped.append((self.text, self.lang))


class FakeEngine:
    """For tests: records what would be spoken. Utterances end when `finish()` says so, or at once."""

    def __init__(self, at_once: bool = False):
        self.at_once = at_once
        self.started: list[tuple[str, str]] = []  # (text, lang) of every start, in order
        self.stopped: list[tuple[str, str]] = []  # the ones cut off before they finished
        self.utterances: list[FakeUtterance] = []

    def start(self, text: str, lang: str) -> FakeUtterance:
        self.started.append((text, lang))
        self.utterances.append(FakeUtterance(self, text, lang, self.at_once))
        return self.utterances[-1]

    def finish(self) -> None:
        """The utterance now speaking reaches its end."""
        for utterance in self.utterances:
            if not utterance.done():
                utterance.finished = True
                return


class Voice:
    """The queue of what is to be said. `say` and `stop` return at once; `update` (once a frame) starts the
    next utterance when the last one ends. Without an engine every call does nothing."""

    def __init__(self, engine: Engine | None):
        self.engine = engine
        self._queue: deque[tuple[str, str]] = deque()
        self._current: Utterance | None = None

    @property
    def available(self) -> bool:
        return self.engine is not None

    @property
    def speaking(self) -> bool:
        return bool(self._queue) or (self._current is not None and not self._current.done())

    def say(self, texts: list[str], lang: str, interrupt: bool = True) -> None:
        """Queue these, read as `spoken` makes them; by default first cut off whatever is being said."""
        if interrupt:
            self.stop()
        if self.engine is not None:
            self._queue.extend((said, lang) for said in (spoken(text, lang) for text in texts) if said)
            self.update()

    def stop(self) -> None:
        self._queue.clear()
        if self._current is not None:
            self._current.stop()
            self._current = None

    def update(self) -> None:
        if self._current is not None and not self._current.done():
            return
        self._current = None
        if self._queue and self.engine is not None:
            self._current = self.engine.start(*self._queue.popleft())


def render_wav(text: str, lang: str, path: Path) -> bool:
    """Write what the game would say to a WAV file with espeak-ng (for tests and for listening); this one waits.
    False if there is no espeak or it failed."""
    program = shutil.which("espeak-ng") or shutil.which("espeak")
    if not program:
        return False
    try:
        result = subprocess.run(EspeakEngine(program).command(spoken(text, lang), lang, wav=path),
                                capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and path.exists() and path.stat().st_size > 44  # more than a WAV header


# -- figures and symbols as words --------------------------------------------------------------------------
# The game writes numbers with "," between thousands and "." before decimals in both languages
# (content/strings numbers.thousands / numbers.decimal). espeak-ng's Spanish reads "8,666,623" as
# "ocho coma seiscientos..." and a "." before three digits as a thousands point ("0.125" -> "cero mil
# ciento veinticinco"), and drops a minus sign; its English reads all three right, but it costs nothing
# to give every engine the same plain digits.
WORDS = {
    "en": {"percent": "percent", "point": "point", "minus": "minus", "to": "to"},
    "es": {"percent": "por ciento", "point": "punto", "minus": "menos", "to": "a"},
}
_GROUPED = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
_DECIMAL = re.compile(r"(\d)\.(\d+)")
_MINUS = re.compile(r"(?<![\w.,])[-\u2212](?=\d)")
_BETWEEN_ARROW = re.compile(r"(?<=\S)\s*[\u2192\u27f6\u21d2]\s*(?=\S)")  # "a → b": the change from a to b
_BETWEEN_DOT = re.compile(r"(?<=\S)\s*\u00b7\s*(?=\S)")  # "a · b", how the layout joins items: a pause
_VISUAL = re.compile("[\u2190-\u21ff\u27f0-\u27ff\u25a0-\u25ff\u2022\u2023\u2043\u00b7\u2026]")  # arrows ▲▼•·…


def _fraction(match: re.Match, point: str) -> str:
    """"0.05" -> "0 punto 0 5": each leading zero said, then the rest as a number, as a Spanish speaker reads it."""
    digits = match[2]
    rest = digits.lstrip("0")
    return f"{match[1]} {point} {' '.join('0' * (len(digits) - len(rest)))} {rest}"


def spoken(text: str, lang: str) -> str:
    """The text as the speech engine should get it: numbers without thousands separators, "%" and signs as
    words, symbols that only mean something to the eye dropped; "" when nothing is left to say."""
    words = WORDS.get(_base(lang), WORDS["en"])
    text = _GROUPED.sub(lambda m: m[0].replace(",", ""), text)
    if _base(lang) != "en":  # English engines read "4.26" as "four point two six" already
        text = _DECIMAL.sub(lambda m: _fraction(m, words["point"]), text)
    text = _MINUS.sub(f"{words['minus']} ", text)
    text = re.sub(r"\s*%", f" {words['percent']}", text)
    text = _BETWEEN_ARROW.sub(f" {words['to']} ", text)
    text = _BETWEEN_DOT.sub(", ", text)
    text = _VISUAL.sub(" ", text)
    return " ".join(text.split())
