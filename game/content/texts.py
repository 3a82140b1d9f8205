"""The text ids the code asks for, and the {placeholders} it fills in each: what `validate` checks
every strings file against, so a missing id or a placeholder the code does not fill is an error
with a line, never a KeyError or a ValueError on some screen.

Three kinds of use, together all the ways a text reaches the screen:
- CODE: ids written in the code (`t("record.left", time=...)`), with the names it fills;
- PATTERNS: ids the code builds at run time (f"category.{c}"), expanded over the vocabularies below;
- content: ids a content file names (`says: voice.x`), with the names its field declares
  (`ref("text", placeholders=("when",))` in the schema) or, for labels filled with model numbers,
  the names the rules at the end of this file give (game.sim.policy.option_values fills the same).

The rules (`check_strings`): every id the code uses exists in English; a string may only use the
placeholders that every use of it fills; a translation uses the same ones as English; and every
string in every language is well formed: `{name}` only, no `{}`, `{0}`, `{a.b}`, `{n:>3}`, and a
literal brace doubled (`{{`, `}}`). tests/content/test_texts.py keeps these tables in step with
the code: every text id written in game/ must be listed here.
"""
from __future__ import annotations

import string
from typing import Any, Callable, Iterable, get_args

from . import schema
from .errors import ContentError

# -- text ids written in the code: id -> the placeholders the code fills ---------------------------
# (an id with () is shown as written; listing it still makes `validate` check that it exists)
_PLAIN = """
assumption.heading
beat.alarm beat.alert beat.clear beat.info beat.ok beat.rfid beat.rpm_treatment beat.typed
beat.gallery_chance beat.gallery_expected beat.gallery_size
board.beyond_heading board.figure board.next board.previous board.to_record board.today
board.travellers_heading board.voices board.year_heading board.yours
calibration.heading calibration.inside calibration.intro calibration.open calibration.outside
choose.heading choose.intro
common.back common.close common.continue common.how_do_we_know common.no common.to_title common.yes
game.name game.tagline
lab.chart lab.everyone lab.group lab.match_side lab.misses_per_day lab.no_match_side lab.per_day_note
lab.stranger_passes lab.table_heading lab.genuine_key lab.impostor_key lab.none
lane.composite lane.leave lane.see_outcome
camera.found camera.got camera.inside camera.no_face camera.sees
predict.kind.capture predict.kind.score predict.right predict.said_no
predict.said_yes predict.skip predict.tally_heading predict.wrong
model.decision.held model.decision.identified model.decision.left model.decision.named model.decision.not-found
model.decision.not-searched model.decision.released model.decision.secondary model.decision.walked-on
numbers.decimal numbers.never numbers.thousands numbers.under_one
outcome.another outcome.board outcome.captured
people.back people.document people.nothing people.other_answers people.start people.status people.where people.who people.with
timeline.compare_heading timeline.gone timeline.heading timeline.no_end
port.city port.gallery
quit.detail quit.question
record.code_hint record.code_label record.everyone record.deleted record.discuss_heading record.empty record.heading
record.sandbox record.sources record.title record.your_policy
sandbox.done sandbox.intro sandbox.lab sandbox.title
settings.heading settings.intro
shot.captured shot.match shot.match_side shot.missed shot.no_match shot.no_match_side shot.poor_quality
sources.heading
title.language title.play title.quit title.settings
shift.again shift.begin shift.behind shift.caught shift.caught_detail shift.check shift.check_help
shift.choices_heading shift.cleared shift.cleared_after_check shift.cleared_after_release shift.clock shift.cost_note
shift.decide shift.figure shift.held shift.in_line shift.intro shift.leave shift.line_heading shift.missed
shift.missed_after_check shift.missed_after_secondary shift.missed_detail shift.model_column shift.model_rules
shift.next shift.nobody shift.on_title shift.release shift.secondary shift.see_end shift.seen shift.sum_caught
shift.sum_clock shift.sum_held shift.sum_held_cars shift.sum_missed shift.sum_queue shift.sum_waiting
shift.summary_table shift.summary_title shift.time_note shift.title shift.to_lab shift.trade_off shift.waited
shift.you_check shift.you_column shift.you_release shift.you_secondary
"""
# what game/sim/story.py's events carry, formatted by game/story/crossing.py (_values): every event has a time
_EVENT = ("seconds", "minutes")
_OUTCOMES = """
booth.checked booth.manual-check face.all-matched face.match face.no-camera face.no-gallery face.no-image
face.no-outbound-camera face.non-match face.poor-quality face.some-unmatched plate.driver-photo plate.plate-only
queue.wait rpm.clear rpm.nuisance search.banned search.searched street.declined street.no-scan street.scanned
xray.bags
"""
_REASONS = """
all-matched capture-failure-secondary impostor-caught impostor-missed manual-check-cleared no-scan
nonmatch-referred outbound-no-camera outbound-no-stop search-banned search-false-lead search-identified
search-nothing street-false-candidate street-identified street-no-match-held
"""

CODE: dict[str, tuple[str, ...]] = {
    **{text_id: () for text_id in _PLAIN.split()},
    **{f"model.outcome.{o}": _EVENT for o in _OUTCOMES.split()},
    **{f"model.reason.{r}": _EVENT for r in _REASONS.split()},
    "beat.delay": ("minutes",),
    "beat.sentri": ("seconds",),
    "beat.gallery": ("gallery", "fmr", "expected_false_candidates", "false_candidates", "rejected_by_review")
    + _EVENT,
    "beat.cell": ("label", "value"),
    "board.step": ("n", "total"),
    "board.all_voices": ("n",),
    "board.value": ("value",),
    "common.bullet": ("text",),
    "calibration.band": ("low", "high"),
    "calibration.model": ("value",),
    "calibration.public": ("value",),
    "calibration.source": ("publication", "date"),
    "calibration.range": ("low", "high"),
    "codes.dragged": ("count",),
    "codes.summary": ("read", "total"),
    "codes.check_heading": ("before", "after", "total", "students_before", "students_after"),
    "codes.csv_written": ("path",),
    "figure.photos_after": ("duration",),
    "lab.rarer": ("n",),
    **{f"challenge.{i}": () for i in "next skip free catch.title catch.luis_unseen algorithm.title over.title "
       "over.body".split()},
    "challenge.step": ("n", "total"),
    "challenge.catch.goal": ("goal",),
    "challenge.catch.luis_under": ("score",),
    "challenge.catch.luis_over": ("score",),
    "challenge.catch.now": ("now",),
    "challenge.catch.done": ("group", "held", "today"),
    "challenge.algorithm.goal": ("button",),
    "challenge.algorithm.now": ("algorithm", "group", "times", "reference"),
    "challenge.algorithm.done": ("first", "times"),
    "lab.threshold": ("score",),
    "lab.which": ("question", "answer"),
    "numbers.one_in": ("n",),
    "numbers.times": ("n",),
    "lane.legend": ("n", "title"),
    "camera.passed": ("n", "seconds"),
    "camera.passed_one": ("n", "seconds"),
    "camera.queue": ("n", "seconds"),
    "camera.queue_one": ("n", "seconds"),
    "camera.passed_map": ("n",),
    "camera.passed_map_one": ("n",),
    "camera.queue_map": ("n",),
    "camera.queue_map_one": ("n",),
    "predict.capture_question": ("name",),
    "predict.score_question": ("name", "threshold"),
    "predict.got": ("name",),
    "predict.missed": ("name", "cause"),
    "predict.cleared": ("name", "score", "threshold"),
    "predict.not_cleared": ("name", "score", "threshold"),
    "predict.verdict": ("said", "result"),
    "predict.line": ("question", "guess", "result"),
    "predict.tally": ("right", "total"),
    "outcome.heading": ("name",),
    "people.face": ("who", "before", "after"),
    "people.not_met": ("name",),
    "people.outcome": ("before", "after"),
    "people.same_outcome": ("outcome",),
    "people.street": ("before", "after"),
    "timeline.new": ("kept",),
    "timeline.readers_added": ("readers",),
    "timeline.readers_removed": ("readers",),
    "timeline.was": ("now", "before"),
    "record.about": ("people", "what"),
    "record.by_group": ("per",),
    "record.code": ("code",),
    "record.days_clock": ("n", "clock"),
    "record.dragged": ("score",),
    "record.left": ("time",),
    "record.people_list": ("first", "rest"),
    "record.reader_list": ("first", "rest"),
    "record.nobody": (),
    "record.readers": ("readers",),
    "settings.high_contrast": ("value",),
    "settings.reduced_motion": ("value",),
    "settings.sound": ("value",),
    "settings.read_aloud": ("value",),
    "settings.text_scale": ("value",),
    "shot.score": ("score", "result"),
    "shift.car": ("n", "total"),
    "shift.conditions": ("condition",),
    "shift.held_detail": ("minutes",),
    "shift.minutes": ("n",),
    "shift.minutes_seconds": ("m", "s"),
    "shift.rarity": ("impostors", "cars", "rate", "shifts"),
    "shift.release_help": ("time",),
    "shift.check_help": ("time",),
    "shift.secondary_help": ("time", "minutes"),
    "shift.seconds": ("n",),
    "shift.stream": ("cars",),
    "shift.summary_impostors": ("impostors", "cars"),
    "shift.took": ("time",),
    "shift.value": ("value",),
    "shift.was_impostor": ("who",),
    "shot.threshold": ("score",),
    "source.citation": ("publication", "work", "date", "citing", "via"),
    "source.citing": ("citing",),
    "source.headline": ("headline",),
    "source.list": ("first", "last"),
    "source.listing": ("work", "date", "citing", "via"),
    "source.more": ("page", "pages"),
    "source.publication": ("publication",),
    "source.report": ("publication", "report"),
    "source.short": ("publication",),
    "source.via": ("via",),
    # the attract loop's call and the "Still there?" prompt (game/story/views/attract.py, views/dialogs.py)
    **{f"attract.{name}": () for name in "call call_other note start still_there still_detail stay".split()},
    "attract.seconds_left": ("n",),
    "attract.seconds_left_one": ("n",),
    "words.heading": ("path",),                # face-value words (game/app/words_cmd.py)
    "words.screen": (),
    "words.pages": (),
    "words.presses": (),
    "words.count": (),
    "words.new": (),
    "words.total": ("words", "new", "presses", "screens"),
    "words.minutes": ("minutes", "reading", "rate", "pressing", "seconds"),
    "words.bounds": ("words", "minutes"),
    "words.within": (),
    "words.check": ("screens", "new", "minutes"),
    "words.over": (),
    "kiosk_path.words_heading": (),           # face-value words --path kiosk
    "kiosk_path.words_bounds": ("words", "minutes"),
    "kiosk_path.record_heading": (),          # the kiosk's record (game/story/views/kiosk.py)
    "kiosk_path.again": (),
    # the teacher's screen: a class's codes and their tally (game/story/views/teacher.py)
    **{f"teacher.{name}": () for name in (
        "label heading intro entry placeholder newline delete clear paste none_yet pasted_nothing drop_bad "
        "see_results results_heading none_read check_heading check_intro concept before after gain students "
        "no_check save_heading save_intro folder_heading save_csv save_png nothing_to_save "
        "no_folder edit page_title bad.version bad.typo bad.fit bad.other").split()},
    "teacher.above": ("n",),
    "teacher.typed": ("text",),
    "teacher.char": ("char",),
    "teacher.count": ("read", "total"),
    "teacher.count_bad": ("read", "total", "bad"),
    "teacher.bad_heading": ("n",),
    "teacher.more_bad": ("n",),
    "teacher.bad_line": ("code", "reason"),
    "teacher.summary": ("read", "total"),
    "teacher.summary_bad": ("read", "total", "bad"),
    "teacher.mean": ("items",),
    "teacher.dragged": ("count",),
    "teacher.percent": ("n",),
    "teacher.signed": ("sign", "n"),
    "teacher.value": ("value",),
    "teacher.folder": ("path",),
    "teacher.saved": ("path",),
    "teacher.saved_pages": ("path", "n"),
    "teacher.failed": ("reason",),
    "teacher.page_note": ("date",),
    "teacher.bad.characters": ("chars",),
    "teacher.bad.length": ("expected", "got"),
    # the class check (game/story/views/check.py) and its result on the record (views/record.py)
    **{f"check_screen.{name}": () for name in ("next", "done", "open_after")},
    "check_screen.step": ("n", "total"),
    "check_screen.result": ("before", "after", "total"),
    "title.class": (),
    "title.teacher": (),
    "speech.no_engine": (),  # self-voicing without a speech engine (game/ui/voice.py NO_ENGINE)
    # what self-voicing says beside a screen's words (game/story/speech.py) and the views' "said" data
    "speech.selected": (),
    "speech.not_selected": (),
    "speech.less_than": (),
    "speech.position": ("n", "total"),
    "speech.row": ("label", "cells"),
    "speech.cell": ("name", "value"),
    "speech.term": ("term", "means"),
    "speech.portrait": ("name", "mood"),
    "speech.map": ("n", "total", "station"),
    "speech.lab_line": ("score",),
    "speech.lab_everyone": ("misses",),
    "speech.lab_group": ("group", "misses", "chance"),
}

# -- ids the code builds at run time: a template over named vocabularies, and the names it fills ----------
# the settings screen's choices, as game/story/prefs.py REGISTRY declares them: name -> how many
SETTINGS = {"text_scale": 4, "high_contrast": 2, "reduced_motion": 2, "sound": 4, "read_aloud": 2}
PORT_PLACES = ("mexico", "us", "pedestrian", "inbound", "outbound", "building", "secondary")  # the map's labels
SOURCES_TABS = ("limits", "sources")  # the sources screen's tabs (game/story/views/dialogs.py)
DATE_KINDS = ("year", "month", "early", "range")  # game.content.dates SourceDate.kind
MOODS = ("calm", "waiting", "worry", "relief")  # a face's expression (game/ui/draw.py MOODS), said by self-voicing
_DATE = ("year", "month", "start", "end")  # what game/story/cite.py fills (month only for a month)

VOCABULARIES: dict[str, Callable[[Any], Iterable[str]]] = {
    "category": lambda c: get_args(schema.Category),
    "lane": lambda c: get_args(schema.Lane),
    "seat": lambda c: get_args(schema.Seat),
    "cause_seat": lambda c: get_args(schema.Seat) + (schema.PERSON,),
    "condition": lambda c: get_args(schema.Condition),
    "behaviour": lambda c: get_args(schema.Behaviour),
    "month": lambda c: (str(m) for m in range(1, 13)),
    "check_round": lambda c: ("before", "after"),  # the class check's two rounds (story/views/check.py)
    "date_kind": lambda c: DATE_KINDS,
    "figure": lambda c: (f for f in get_args(schema.Figure) if f not in schema.HORIZON_FIGURES),
    "setting": lambda c: (f"{name}.{i}" for name, count in SETTINGS.items() for i in range(count)),
    "sources_tab": lambda c: SOURCES_TABS,
    "place": lambda c: PORT_PLACES,
    "mood": lambda c: MOODS,
    "duration": lambda c: (f"{unit}{one}" for unit in ("hours", "days", "weeks", "years") for one in ("", "_one")),
    "traveller": lambda c: c.travellers,
    "glossary": lambda c: c.scenes.glossary if "scenes.yaml" in c.files else (),
}
PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("category.{category}", ()),               # the traveller's card (choose)
    ("lane.{lane}", ()),
    ("seat.{seat}", ()),                       # a companion with no name (story/crossing.py)
    ("model.cause.seat.{cause_seat}", ()),     # why a camera missed someone (sim/capture.py CaptureCause.text)
    ("model.cause.condition.{condition}", ()),
    ("model.cause.behaviour.{behaviour}", ()),
    ("source.month.{month}", ()),              # story/cite.py
    ("source.date.{date_kind}", _DATE),
    ("source.when.{date_kind}", _DATE),
    ("figure.{figure}", ()),                   # a consequence's label (the photo counts use figure.photos_after)
    ("settings.value.{setting}", ()),          # a setting's choice, by its index
    ("sources.{sources_tab}", ()),
    ("port.{place}", ()),                      # the port map's labels (story/views/lane.py)
    ("speech.mood.{mood}", ()),                # a portrait's mood, said (story/speech.py person)
    ("record.{duration}", ("n",)),             # a length of time (ui/scenes/record.py duration)
    ("traveller.{traveller}.hook", ()),        # a traveller's card (choose) and what became of them (outcome)
    ("traveller.{traveller}.after_released", ()),
    ("traveller.{traveller}.after_held", ()),
    ("glossary.{glossary}.term", ()),          # a term and its one sentence (story/glossary.py)
    ("glossary.{glossary}.means", ()),
    ("glossary.{glossary}.forms", ()),
    ("check_screen.heading_{check_round}", ()),  # the class check, before play and after (story/views/check.py)
    ("check_screen.intro_{check_round}", ()),
)


def expand(content: Any) -> dict[str, tuple[str, ...]]:
    """Every id the code asks for (CODE and the expanded PATTERNS), with the names it fills."""
    ids = dict(CODE)
    for template, fills in PATTERNS:
        slot = template[template.index("{") + 1:template.index("}")]
        for word in VOCABULARIES[slot](content):
            ids[template.replace("{" + slot + "}", word)] = fills
    return ids


# -- labels filled with model numbers (the same names as game.sim.policy.option_values) ---------------
RETENTION_FILLS = ("hours", "days", "weeks", "years")
THRESHOLD_FILLS = ("n", "fmr")


def retention_fills(content: Any, retention_id: str) -> tuple[str, ...] | None:
    """The names a retention's label is filled with (sim.policy.retention_values); None: no such retention
    (an error of its own, so the label is not judged by a guess)."""
    retention = content.records.retentions.get(retention_id)
    if retention is None:
        return None
    return RETENTION_FILLS if retention.hours is not None else ()


def option_fills(content: Any, field: str, option_id: str) -> tuple[str, ...] | None:
    """The names a policy option's label is filled with (sim.policy.option_values); None: no such option."""
    spec = content.policy.fields.get(field)
    option = spec.options.get(option_id) if spec else None
    if option is None:
        return None
    names = THRESHOLD_FILLS if field == "threshold" and option.value else ()
    kept = retention_fills(content, option.retention) if option.retention else ()
    return None if kept is None else names + kept


def content_uses(content: Any, refs: Iterable[Any]) -> list[tuple[str, tuple[str, ...]]]:
    """(text id, the names filled) for every text the content names, each time it names one."""
    uses = [(r.value, r.fills) for r in refs if r.kind == "text" and r.fills is not None]
    files = content.files
    if "records.yaml" in files:
        for rid, retention in content.records.retentions.items():
            uses.append((retention.label, retention_fills(content, rid)))
    if "policy.yaml" in files and "records.yaml" in files:
        for name, spec in content.policy.fields.items():
            for oid, option in spec.options.items():
                uses.append((option.label, option_fills(content, name, oid)))
        for question in content.questions.values() if "questions.yaml" in files else ():
            for option in list(question.options) + list(question.algorithm):
                each = [option_fills(content, field, oid) for field, oid in option.set.items()]
                fills = None if None in each else tuple(sorted({n for names in each for n in names or ()}))
                uses.append((option.label, fills))
    return [(text_id, fills) for text_id, fills in uses if fills is not None]


# -- the checks ---------------------------------------------------------------------------------------
def placeholders(text: str) -> tuple[set[str], list[str]]:
    """({names used}, [problems]) of one string: only plain {name} placeholders are allowed."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        return set(), [f"expected every brace in a pair, {{name}}, or doubled ({{{{ or }}}}) to show one; {exc}"]
    names, problems = set(), []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            shown = "{" + name + "}"
            problems.append(f"expected {{name}} placeholders; got {shown}" if name else
                            "expected {name} placeholders; got {} (say which number goes there)")
            continue
        if spec or conversion:
            problems.append(f"expected a plain {{{name}}}; got a format or conversion on it (numbers arrive formatted)")
        names.add(name)
    return names, problems


def check_strings(content: Any, refs: Iterable[Any], base: str) -> list[ContentError]:
    """Every rule in the module docstring, each error on the strings file and line that is wrong."""
    folder = content.root.name
    found: list[ContentError] = []
    english = content.strings.get(base, {})
    lines = content.string_lines
    file_of = {lang: f"{folder}/strings/{lang}.yaml" for lang in content.strings}

    def line(lang: str, text_id: str) -> int:
        """The id's line, or its nearest parent's (where a missing id belongs), or the first."""
        table = lines.get(lang, {})
        parts = text_id.split(".")
        for n in range(len(parts), 0, -1):
            if ".".join(parts[:n]) in table:
                return table[".".join(parts[:n])]
        return 1

    filled: dict[str, set[str]] = {}
    for text_id, names in list(expand(content).items()) + content_uses(content, refs):
        filled[text_id] = filled[text_id] & set(names) if text_id in filled else set(names)
    for text_id in expand(content):
        if text_id not in english:
            found.append(ContentError(file_of.get(base, f"{folder}/strings/{base}.yaml"), line(base, text_id), text_id,
                                      "missing; the game shows this text (game/content/texts.py)"))
    english_names = {k: placeholders(v)[0] for k, v in english.items()}
    for lang, table in content.strings.items():
        for text_id, text in table.items():
            where = (file_of[lang], lines.get(lang, {}).get(text_id), text_id)
            names, problems = placeholders(text)
            found += [ContentError(*where, p) for p in problems]
            unknown = names - filled[text_id] if text_id in filled else set()
            for name in sorted(unknown):
                offered = ", ".join("{" + n + "}" for n in sorted(filled[text_id])) or "none"
                found.append(ContentError(*where, f"unknown placeholder {{{name}}}; the game fills {offered} here"))
            if lang == base or text_id not in english_names:
                continue
            base_names = english_names[text_id]
            for name in sorted(base_names - names - (base_names - filled.get(text_id, base_names))):
                found.append(ContentError(*where, f"drops {{{name}}}, which the English text shows"))
            for name in sorted(names - base_names - unknown):
                found.append(ContentError(*where, f"placeholder {{{name}}} is not in the English text"))
    return found
