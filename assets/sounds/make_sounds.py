"""Make the game's sound effects from nothing but arithmetic: sines, seeded noise and envelopes.

    python assets/sounds/make_sounds.py [FOLDER]     (default: the folder this script is in)

Standard library only, one fixed seed, so the same script always writes the same bytes: the WAV
files beside it are this script's output (CC0-1.0, see LICENSE.txt), and a test checks it still is.
Every file: 16-bit mono PCM at 22050 Hz, under a second, peak-normalised to its level in LEVELS
(interface sounds quieter than events), with a raised-cosine attack and release so none clicks.
"""
from __future__ import annotations

import math
import random
import struct
import sys
import wave
from pathlib import Path
from typing import Callable, Iterable

RATE = 22050
SEED = 11
# peak level of each sound, as a fraction of full scale: events at -3 dBFS, the alarm (three held beeps)
# at -5 so it is no louder to the ear, interface sounds at -8
LEVELS = {"shutter": 0.7, "match": 0.7, "no_match": 0.7, "alarm": 0.55, "release": 0.7,
          "secondary": 0.7, "tick": 0.4, "tap": 0.4, "back": 0.4}
Wave = list[float]


# -- building blocks ---------------------------------------------------------------------------------
def silence(seconds: float) -> Wave:
    return [0.0] * round(seconds * RATE)


def partials(pitch: float | Callable[[float], float], seconds: float, decay: float,
             harmonics: Iterable[tuple[float, float]] = ((1, 1.0),)) -> Wave:
    """A tone of `harmonics` (ratio to `pitch`, amplitude) dying away with time constant `decay`;
    `pitch` may be a function of time (a glide), integrated so the phase never jumps."""
    out, phase = [], 0.0
    harmonics = tuple(harmonics)
    for n in range(round(seconds * RATE)):
        t = n / RATE
        phase += 2 * math.pi * (pitch(t) if callable(pitch) else pitch) / RATE
        out.append(math.exp(-t / decay) * sum(a * math.sin(r * phase) for r, a in harmonics))
    return out


def noise(seconds: float, rng: random.Random) -> Wave:
    return [rng.uniform(-1.0, 1.0) for _ in range(round(seconds * RATE))]


def band(signal: Wave, centre: float | Callable[[float], float], q: float = 2.0, passes: int = 2) -> Wave:
    """A state-variable band-pass filter (Chamberlin), its centre in Hz possibly moving with time; run
    twice by default, so noise keeps little of its hiss far from the centre."""
    for _ in range(passes):
        low = mid = 0.0
        out = []
        for n, x in enumerate(signal):
            f = centre(n / RATE) if callable(centre) else centre
            k = 2 * math.sin(math.pi * min(f, RATE / 6) / RATE)
            high = x - low - mid / q
            mid += k * high
            low += k * mid
            out.append(mid)
        signal = out
    return signal


def shaped(signal: Wave, attack: float, release: float, decay: float | None = None) -> Wave:
    """Raised-cosine fade in over `attack` s and out over the last `release` s (both start and end at
    exactly zero), with an optional exponential decay after the attack."""
    total, a, r = len(signal), max(1, round(attack * RATE)), max(1, round(release * RATE))
    out = []
    for n, x in enumerate(signal):
        gain = 1.0
        if n < a:
            gain *= 0.5 - 0.5 * math.cos(math.pi * n / a)
        if n >= total - r:
            gain *= 0.5 - 0.5 * math.cos(math.pi * (total - 1 - n) / r)
        if decay:
            gain *= math.exp(-max(0, n - a) / RATE / decay)
        out.append(x * gain)
    return out


def mix(*parts: tuple[float, Wave, float]) -> Wave:
    """Each (start in seconds, wave, gain) added into one wave as long as the last to end."""
    end = max(round(start * RATE) + len(w) for start, w, _ in parts)
    out = [0.0] * end
    for start, w, gain in parts:
        offset = round(start * RATE)
        for i, x in enumerate(w):
            out[offset + i] += gain * x
    return out


CHIME = ((1, 1.0), (2, 0.25), (3, 0.06))  # a soft bell: the octave and a little of the twelfth
ROUND = ((1, 1.0), (2, 0.12))             # rounder still, for the low notes


# -- the sounds ------------------------------------------------------------------------------------
def shutter(rng: random.Random) -> Wave:
    """A camera shutter: two short clicks of filtered noise over a small thump, 60 ms apart."""
    def click(centre: float) -> Wave:
        body = shaped(band(noise(0.05, rng), centre, q=3.0), 0.001, 0.01, decay=0.008)
        thump = shaped(partials(170, 0.05, 0.012), 0.001, 0.01)
        return mix((0, body, 1.0), (0, thump, 0.5))
    return mix((0.005, click(3400), 0.8), (0.065, click(2600), 1.0), (0.16, silence(0.02), 0))


def match(rng: random.Random) -> Wave:
    """Yes: a soft rising fourth (E5 then A5), the second note ringing longer."""
    first = shaped(partials(659.25, 0.3, 0.12, CHIME), 0.008, 0.05)
    second = shaped(partials(880.0, 0.45, 0.2, CHIME), 0.008, 0.12)
    return mix((0, first, 0.8), (0.13, second, 1.0))


def no_match(rng: random.Random) -> Wave:
    """No: a soft falling third, low and round (E4 then C4), slower to start than the chime."""
    first = shaped(partials(329.63, 0.3, 0.16, ROUND), 0.02, 0.06)
    second = shaped(partials(261.63, 0.42, 0.22, ROUND), 0.02, 0.14)
    return mix((0, first, 1.0), (0.16, second, 1.0))


def alarm(rng: random.Random) -> Wave:
    """A radiation monitor's alert: three short rounded beeps on two pitches, not a siren."""
    def beep(pitch: float) -> Wave:
        return shaped(partials(pitch, 0.15, 1.0, ((1, 1.0), (2, 0.2), (3, 0.05))), 0.012, 0.04)
    return mix((0, beep(988), 1.0), (0.24, beep(784), 1.0), (0.48, beep(988), 1.0), (0.63, silence(0.05), 0))


def tick(rng: random.Random) -> Wave:
    """A soft countdown tick: a tiny wood-block knock."""
    knock = partials(1250, 0.06, 0.012, ((1, 1.0), (2.4, 0.35)))
    grain = band(noise(0.06, rng), 3000, q=2.0)
    return shaped(mix((0, knock, 1.0), (0, grain, 0.15)), 0.0015, 0.02, decay=0.02)


def tap(rng: random.Random) -> Wave:
    """A button pressed: a short round blip that falls a little."""
    return shaped(partials(lambda t: 1100 - 1500 * t, 0.07, 0.02, ROUND), 0.002, 0.025)


def back(rng: random.Random) -> Wave:
    """Going back: two tiny blips, the second lower (the tap's sound, stepping down)."""
    blip = shaped(partials(950, 0.05, 0.015, ROUND), 0.002, 0.02)
    low = shaped(partials(700, 0.06, 0.018, ROUND), 0.002, 0.025)
    return mix((0, blip, 0.8), (0.055, low, 1.0))


def release(rng: random.Random) -> Wave:
    """Free to go: a soft rising whoosh (noise swept upward) under a gentle upward glide."""
    seconds = 0.55
    whoosh = band(noise(seconds, rng), lambda t: 350 + 2600 * (t / seconds) ** 1.5, q=1.5)
    glide = partials(lambda t: 440 * 2 ** (t / seconds * 7 / 12), seconds, 1.0, ROUND)
    envelope = partials(1 / (2 * seconds), seconds, 1e9)  # half a sine cycle: swells and fades
    return shaped([e * (w + 0.35 * g) for e, w, g in zip(envelope, whoosh, glide)], 0.02, 0.06)


def secondary(rng: random.Random) -> Wave:
    """Please wait here: the same mid note twice, even and calm (D5, D5)."""
    note = shaped(partials(587.33, 0.28, 0.14, CHIME), 0.01, 0.08)
    return mix((0, note, 1.0), (0.2, note, 0.9))


SOUNDS: dict[str, Callable[[random.Random], Wave]] = {
    "shutter": shutter, "match": match, "no_match": no_match, "alarm": alarm, "tick": tick,
    "tap": tap, "back": back, "release": release, "secondary": secondary,
}


# -- writing -------------------------------------------------------------------------------------------
def normalised(signal: Wave, level: float) -> list[int]:
    peak = max(abs(x) for x in signal)
    return [round(x / peak * level * 32767) for x in signal]


def write(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


def make_all(folder: Path) -> list[Path]:
    """Write every sound into `folder`; each has its own generator from the one seed, so changing one
    sound never changes another."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SOUNDS.items():
        path = folder / f"{name}.wav"
        write(path, normalised(make(random.Random(f"{SEED}:{name}")), LEVELS[name]))
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    for made in make_all(target):
        print(made)
