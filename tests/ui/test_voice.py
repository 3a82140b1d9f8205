"""The speech engine layer (game/ui/voice.py): the queue against a fake engine, figures as words, the choice
of engine and voice, and, where espeak-ng is installed, real speech rendered to WAV files and measured."""
from __future__ import annotations

import array
import shutil
import subprocess
import sys
import wave

import pytest

from game.ui import voice
from game.ui.voice import EspeakEngine, FakeEngine, SapiEngine, SayEngine, Voice, find_engine, render_wav, spoken


# -- the queue ------------------------------------------------------------------------------------------------
def test_says_in_order_one_at_a_time():
    engine = FakeEngine()
    speech = Voice(engine)
    speech.say(["Title", "Play", "Settings"], "en")
    assert engine.started == [("Title", "en")]  # the first starts at once, the rest wait
    assert speech.speaking
    speech.update()
    assert len(engine.started) == 1  # still speaking: update changes nothing
    for expected in ("Play", "Settings"):
        engine.finish()
        speech.update()
        assert engine.started[-1] == (expected, "en")
    engine.finish()
    speech.update()
    assert not speech.speaking and len(engine.started) == 3 and engine.stopped == []


def test_interrupt_cuts_off_the_current_utterance_and_clears_the_queue():
    engine = FakeEngine()
    speech = Voice(engine)
    speech.say(["Heading", "First item", "Second item"], "es")
    speech.say(["Focused item"], "es")
    assert engine.stopped == [("Heading", "es")]
    assert engine.started == [("Heading", "es"), ("Focused item", "es")]
    engine.finish()
    speech.update()
    assert not speech.speaking and len(engine.started) == 2  # the old queue is gone


def test_without_interrupt_the_texts_wait_their_turn():
    engine = FakeEngine()
    speech = Voice(engine)
    speech.say(["One"], "en")
    speech.say(["Two"], "en", interrupt=False)
    assert engine.stopped == [] and engine.started == [("One", "en")]
    engine.finish()
    speech.update()
    assert engine.started[-1] == ("Two", "en")


def test_empty_and_whitespace_texts_are_skipped():
    engine = FakeEngine(at_once=True)
    speech = Voice(engine)
    speech.say(["", "   ", "\n", "Back", "•", "→"], "en")
    for _ in range(5):
        speech.update()
    assert engine.started == [("Back", "en")]
    assert not speech.speaking


def test_update_advances_once_a_frame_when_utterances_end_at_once():
    engine = FakeEngine(at_once=True)
    speech = Voice(engine)
    speech.say(["a", "b", "c"], "en")
    assert [text for text, _ in engine.started] == ["a"]
    speech.update()
    assert [text for text, _ in engine.started] == ["a", "b"]
    speech.update()
    speech.update()
    assert [text for text, _ in engine.started] == ["a", "b", "c"] and not speech.speaking


def test_stop_silences_and_empties_the_queue():
    engine = FakeEngine()
    speech = Voice(engine)
    speech.say(["a", "b"], "en")
    speech.stop()
    speech.update()
    assert engine.stopped == [("a", "en")] and engine.started == [("a", "en")] and not speech.speaking


def test_the_queue_speaks_figures_as_words():
    engine = FakeEngine()
    Voice(engine).say(["Retenidos: 12.5%"], "es")
    assert engine.started == [("Retenidos: 12 punto 5 por ciento", "es")]


def test_without_an_engine_nothing_is_said_and_nothing_fails():
    speech = Voice(None)
    speech.say(["Hello"], "en")
    speech.update()
    speech.stop()
    assert not speech.available and not speech.speaking
    assert Voice(FakeEngine()).available


# -- figures and symbols as words -----------------------------------------------------------------------------
@pytest.mark.parametrize("lang, text, expected", [
    ("en", "8,666,623 crossings", "8666623 crossings"),
    ("es", "8,666,623 cruces", "8666623 cruces"),
    ("en", "1 in 1,000", "1 in 1000"),
    ("es", "uno de cada 100,000", "uno de cada 100000"),
    ("en", "4.26 times", "4.26 times"),  # espeak-ng says "four point two six"
    ("es", "4.26 veces", "4 punto 26 veces"),  # espeak-ng's Spanish would read "0.125" as "cero mil ciento..."
    ("es", "0.001", "0 punto 0 0 1"),
    ("es", "1,000.05", "1000 punto 0 5"),
    ("en", "12.5%", "12.5 percent"),
    ("es", "12%", "12 por ciento"),
    ("en", "-3 and one-to-one", "minus 3 and one-to-one"),
    ("es", "−3", "menos 3"),
    ("en", "Men: 1 in 100 → 1 in 50", "Men: 1 in 100 to 1 in 50"),
    ("es", "Hombres: 1 de cada 100 → 1 de cada 50", "Hombres: 1 de cada 100 a 1 de cada 50"),
    ("en", "← No match", "No match"),
    ("es", "Coincide →", "Coincide"),
    ("en", "• Wait… ▲ ▼", "Wait"),
    ("es", "Paso 2 de 4 · Atrás", "Paso 2 de 4, Atrás"),
    ("en", "In 2019, 3,4 and 5. Done.", "In 2019, 3,4 and 5. Done."),  # no thousands there
])
def test_spoken(lang, text, expected):
    assert spoken(text, lang) == expected


# -- choosing an engine and a voice ---------------------------------------------------------------------------
def test_find_engine_is_none_when_no_engine_is_on_the_path(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert find_engine() is None
    assert voice.NO_ENGINE == "speech.no_engine"


@pytest.mark.parametrize("platform, on_path, kind", [
    ("linux", {"espeak"}, EspeakEngine),
    ("linux", {"espeak-ng", "espeak"}, EspeakEngine),
    ("darwin", {"say"}, SayEngine),
    ("darwin", {"espeak-ng"}, EspeakEngine),
    ("win32", {"powershell", "espeak-ng"}, SapiEngine),
])
def test_find_engine_by_platform(monkeypatch, platform, on_path, kind):
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(shutil, "which", lambda name: f"/bin/{name}" if name in on_path else None)
    engine = find_engine()
    assert isinstance(engine, kind)
    if isinstance(engine, EspeakEngine):
        assert engine.program == ("/bin/espeak-ng" if "espeak-ng" in on_path else "/bin/espeak")


class _Recorder:
    """Stands in for subprocess: what was run and started, and a listing for the voice queries."""

    def __init__(self, listing: str):
        self.listing, self.ran, self.started = listing, [], []

    def run(self, command, **kwargs):
        self.ran.append(command)
        return subprocess.CompletedProcess(command, 0, stdout=self.listing, stderr="")

    def popen(self, command, **kwargs):
        self.started.append((command, kwargs))
        raise FileNotFoundError(command[0])  # the utterance is then over at once


ESPEAK_ES = """Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  es              --/M      Spanish_(Spain)    roa/es
 5  es-419          --/M      Spanish_(Latin_America) roa/es-419           (es-mx 6)(es 6)
"""


def test_espeak_picks_latin_american_spanish_asks_once_and_guards_the_text(monkeypatch):
    recorder = _Recorder(ESPEAK_ES)
    monkeypatch.setattr(subprocess, "run", recorder.run)
    monkeypatch.setattr(subprocess, "Popen", recorder.popen)
    engine = EspeakEngine("espeak-ng", rate=150)
    utterance = engine.start("-3 grados", "es")
    engine.start("otra", "es")
    assert utterance.done()  # an engine that cannot start is silent, not an error
    assert recorder.ran == [["espeak-ng", "--voices=es"]]  # asked once
    command, kwargs = recorder.started[0]
    assert command == ["espeak-ng", "-v", "es-419", "-s", "150", "--", "-3 grados"]
    assert "shell" not in kwargs


def test_espeak_falls_back_to_plain_spanish(monkeypatch):
    monkeypatch.setattr(subprocess, "run", _Recorder(ESPEAK_ES.replace("es-419", "es-es")).run)
    assert EspeakEngine().voice("es") == "es"
    monkeypatch.setattr(subprocess, "run", _Recorder("Pty Language\n").run)
    assert EspeakEngine().voice("es") is None  # espeak's default voice then


SAY_VOICES = """Alex                en_US    # Most people recognize me by my voice.
Eddy (Spanish (Spain)) es_ES    # ¡Hola! Me llamo Eddy.
Mónica              es_ES    # Hola, me llamo Mónica y soy una voz española.
Paulina             es_MX    # Hola, me llamo Paulina y soy una voz mexicana.
Daniel              en_GB    # Hello, my name is Daniel.
"""


def test_say_picks_a_voice_by_locale_and_sends_the_text_on_stdin(monkeypatch):
    recorder = _Recorder(SAY_VOICES)
    monkeypatch.setattr(subprocess, "run", recorder.run)
    monkeypatch.setattr(subprocess, "Popen", recorder.popen)
    engine = SayEngine("say")
    assert (engine.voice("es"), engine.voice("en"), engine.voice("fr")) == ("Paulina", "Alex", None)
    assert engine.voice("es-ES") == "Paulina"  # the base language decides; Latin American first
    engine.start("-3 grados", "es")
    assert recorder.ran == [["say", "-v", "?"]]
    command, kwargs = recorder.started[0]
    assert command == ["say", "-v", "Paulina", "-r", str(voice.RATE)]
    assert kwargs["stdin"] == subprocess.PIPE


def test_sapi_passes_the_text_in_the_environment_never_on_the_command_line(monkeypatch):
    recorder = _Recorder("")
    monkeypatch.setattr(subprocess, "Popen", recorder.popen)
    text = "'; Remove-Item C:\\ -Recurse; \"$(evil)\""
    SapiEngine("powershell").start(text, "es")
    command, kwargs = recorder.started[0]
    assert all(text not in part and "evil" not in part for part in command)
    assert "-EncodedCommand" in command
    assert kwargs["env"]["FACE_VALUE_TEXT"] == text
    assert kwargs["env"]["FACE_VALUE_CULTURES"].split()[0] == "es-MX"


def test_a_speaking_process_is_polled_and_terminated_without_waiting():
    utterance = voice._popen([sys.executable, "-c", "import time; time.sleep(30)"])
    assert not utterance.done()
    utterance.stop()
    utterance.proc.wait(timeout=10)  # the test waits, so the process is reaped; the game never does
    assert utterance.done() and utterance.proc.returncode != 0


# -- real speech ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang, text", [
    ("en", "Men: 646 wrongly not matched a day; a stranger passes 1 in 100,000."),
    ("es", "Hombres: 646 no reconocidos al día; un desconocido pasa 1 de cada 100,000."),
])
def test_espeak_renders_audible_speech_in_each_language(tmp_path, lang, text):
    if not (shutil.which("espeak-ng") or shutil.which("espeak")):
        pytest.skip("espeak-ng is not installed")
    path = tmp_path / f"{lang}.wav"
    assert render_wav(text, lang, path)
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2  # 16-bit samples
        seconds = wav.getnframes() / wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":  # WAV samples are little-endian
        samples.byteswap()
    assert seconds >= 0.3, f"{lang}: only {seconds:.2f} s"
    assert max(abs(s) for s in samples) > 1000, f"{lang}: silent"  # of 32767
