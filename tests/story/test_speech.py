"""Self-voicing's words (game.story.speech) on real screens, in English and Spanish: every screen has a
heading to say on arrival, every focusable item says something whole, a choice its state and place,
a table row its columns' names, the lab's chart where the line is and what it does to each group."""
from __future__ import annotations

from dataclasses import replace

import pytest

from game.sim.policy import retention_values

from game.story import speech
from game.story.board import BoardState, default_decisions
from game.story.code import Codebook
from game.story.crossing import lane_stations
from game.story.numbers import Numbers
from game.story.prefs import Prefs
from game.story.screen import Item, Screen, Words
from game.story.shift import ShiftRun
from game.story.tally import tally
from game.story.views import (attract, board, check, choose, dialogs, kiosk, lab, lane, meet, outcome, record,
                              sandbox, settings, shift, teacher, title)
from game.story.views.calibration import calibration_screen
from game.story.views.crossing import readers_words
from game.story.world import World

LANGUAGES = ("en", "es")


@pytest.fixture(scope="module")
def world(content):
    return World(content, seed=1)


@pytest.fixture(scope="module")
def decisions(world, content):
    return default_decisions(world.model, content.questions)


def voice(content, lang):
    """A `say` and the screens' numbers in one language, as the UI renders them (ctx.t)."""
    t = lambda text_id, **values: content.text(text_id, lang, **values)  # noqa: E731
    return speech.sayer(t), Numbers(t)


def shift_screens(world, numbers):
    run = ShiftRun(world, world.default_policy)
    screens = [shift.shift_screen(run, numbers)]
    run.begin()
    screens.append(shift.shift_screen(run, numbers))
    while run.phase != "summary":
        run.decide("release")
        if len(run.decisions) == 1:
            screens.append(shift.shift_screen(run, numbers))
        run.next()
    return screens + [shift.shift_screen(run, numbers)]


def every_screen(world, content, decisions, numbers):
    """(name, screen) for each kind of screen the game shows, in the states worth saying."""
    board_state = BoardState(dict(decisions))
    met = list(content.travellers)[:2]
    screens = [("title", title.title_screen(content, False)), ("title kiosk", title.title_screen(content, True)),
               ("choose", choose.choose_screen(content)), ("attract", attract.attract_screen(content.languages)),
               ("settings", settings.settings_screen(Prefs())), ("quit", dialogs.quit_screen()),
               ("still there", dialogs.still_there_screen(numbers, 12)),
               ("calibration", calibration_screen(world, numbers))]
    for tid in content.travellers:
        crossing = world.crossing(tid)
        screens += [(f"meet {tid}", meet.meet_screen(content, tid, numbers)),
                    (f"outcome {tid}", outcome.outcome_screen(world, tid, crossing, numbers))]
        chain = lane_stations(content, content.travellers[tid].lane)
        for i in range(len(chain)):
            screens.append((f"lane {tid} {i}", lane.lane_screen(world, tid, crossing, i, 30.0, numbers)))
            if lane.questions(world, tid, crossing, i):  # the prediction asked, its answer hidden
                asking = lane.lane_screen(world, tid, crossing, i, 30.0, numbers, shown=0)
                screens.append((f"lane {tid} {i} ask", asking))
    lab_at = lab.lab_index(content)
    for i in range(board.question_count(content)):
        if i != lab_at:
            screens.append((f"board {i}", board.board_screen(world, board_state, i, numbers, met)))
        screens.append((f"voices {i}", dialogs.voices_screen(content, board.question_at(content, i).id)))
    for step in range(lab.FREE + 1):
        screens.append((f"lab {step}", lab.lab_screen(world, board_state, lab_at, numbers,
                                                      challenge=lab.Challenge(step))))
    screens += [("record", record.record_screen(world, board_state, met, numbers)),
                ("kiosk record", kiosk.kiosk_record_screen(world, board_state, met[:1], numbers)),
                ("sandbox", sandbox.sandbox_screen(world, board_state, numbers)),
                ("sources", dialogs.sources_screen(content, "sources")),
                ("limits", dialogs.sources_screen(content, "limits")),
                ("how we know", dialogs.source_screen(content, world, list(content.facts)[:3],
                                                      dialogs.every_assumption(world)))]
    screens += [(f"term {term}", dialogs.term_screen(term)) for term in content.scenes.glossary]
    screens += [(f"check {n}", check.check_screen(content, "before", n, {}, numbers))
                for n in range(len(content.class_check))]
    screens += [(f"shift {n}", s) for n, s in enumerate(shift_screens(world, numbers))]
    codebook = Codebook.of(content)
    codes = teacher.mock_class(codebook)
    screens += [("teacher codes", teacher.codes_screen("\n".join(codes), codebook, numbers)),
                ("teacher results", teacher.results_screen(world, codebook, tally(codebook, codes), numbers,
                                                           ["/tmp"], 0, None))]
    return screens


def focusable(screen: Screen) -> list[Item]:
    """What focus can reach: the controls, and charts and maps with a key (the lab's chart)."""
    keyed = [i for part in (screen.body, screen.actions) for item in part for i in item.walk()
             if i.kind in ("chart", "map") and i.key]
    return [*screen.controls(), *keyed]


def whole(said: str) -> bool:
    return bool(said.strip()) and "{" not in said and "}" not in said


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screen_says_its_heading_every_focusable_item_and_all_it_shows(world, content, decisions, lang):
    say, numbers = voice(content, lang)
    counts = {}
    for name, screen in every_screen(world, content, decisions, numbers):
        assert whole(speech.heading(screen, say)), f"{lang} {name}: no heading to say"
        items = focusable(screen)
        assert items, f"{lang} {name}: nothing to focus"
        for item in items:
            said = speech.utterance(item, say, screen)
            assert whole(said), f"{lang} {name}: {item.key!r} says {said!r}"
        lines = speech.reading(screen, say)
        assert all(whole(line) for line in lines), f"{lang} {name}: {lines}"
        counts[name] = len(lines)
    assert len(counts) > 60 and min(counts.values()) >= 2


def test_say_renders_nested_words_as_the_screen_shows_them(content):
    say, _ = voice(content, "es")
    name = next(iter(content.travellers.values())).name
    words = Words.of("outcome.heading", {"name": Words(name)})
    assert say(words) == content.text("outcome.heading", "es", name=content.text(name, "es"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_choice_says_its_state_and_its_place_among_its_group(world, content, decisions, lang):
    say, numbers = voice(content, lang)
    index = board.first_choice(content)
    chosen = decisions[board.question_at(content, index).id]
    screen = board.board_screen(world, BoardState(dict(decisions)), index, numbers)
    options = [c for c in screen.controls() if c.kind == "choice"]
    total = len(options)
    assert total > 1
    selected, not_selected = say(Words("speech.selected")), say(Words("speech.not_selected"))
    for n, option in enumerate(options):
        said = speech.utterance(option, say, screen)
        place = say(Words.of("speech.position", {"n": n + 1, "total": total}))
        state = selected if n == chosen else not_selected
        assert said.startswith(say(option.words[0]).removesuffix(".")) and said.endswith(f"{state}, {place}"), said
    # without the screen there is no group to count in; the state is still said
    assert speech.utterance(options[chosen], say).endswith(selected)


def test_before_any_answer_a_choice_says_its_place_but_no_state(world, content):
    """Yes and No of a prediction, neither chosen yet: "Yes, 1 of 2", not "not selected" twice."""
    say, numbers = voice(content, "en")
    tid = next(t for t in content.travellers if any(lane.questions(world, t, world.crossing(t), i)
                                                     for i in range(len(lane.stations(content, t)))))
    crossing = world.crossing(tid)
    at = next(i for i in range(len(lane.stations(content, tid))) if lane.questions(world, tid, crossing, i))
    screen = lane.lane_screen(world, tid, crossing, at, 0.0, numbers, shown=0)
    said = [speech.utterance(c, say, screen) for c in screen.controls() if c.kind == "choice"]
    assert said == [f"{say(Words('common.yes'))}, 1 of 2", f"{say(Words('common.no'))}, 2 of 2"]


def test_a_lone_choice_says_no_place(world, content, decisions):
    """The sandbox's steppers, each alone in its group and never "selected": their words and nothing more."""
    say, numbers = voice(content, "en")
    screen = sandbox.sandbox_screen(world, BoardState(dict(decisions)), numbers)
    steppers = [c for c in screen.controls() if c.kind == "choice"]
    assert steppers
    for c in steppers:
        assert speech.utterance(c, say, screen) == speech.utterance(replace(c, kind="text"), say).removesuffix(".")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_table_row_reads_as_a_sentence_with_its_columns_named(world, content, decisions, lang):
    say, numbers = voice(content, lang)
    screen = lab.lab_screen(world, BoardState(dict(decisions)), lab.lab_index(content), numbers)
    lines = speech.reading(screen, say)
    misses, passes = say(Words("lab.misses_per_day")), say(Words("lab.stranger_passes"))
    year = world.year(world.default_policy)
    for group in world.model.groups:
        label = say(Words(world.model_group_label(group)))
        row = next(line for line in lines if line.startswith(label + ": "))
        count = numbers.count(year.by_group[group].false_non_matches / year.days)
        assert row == f"{label}: {misses}, {count}; {passes}, {numbers.one_in(year.by_group[group].fmr)}", row
    # the "everyone" row's empty cell ("—") is left out, not read as a dash
    everyone = next(line for line in lines if line.startswith(say(Words("lab.everyone")) + ": "))
    assert passes not in everyone and "—" not in everyone
    # the year's figures, named by their own header (today, yours)
    today, yours = say(Words("board.today")), say(Words("board.yours"))
    caught = say(Words("figure.impostors_caught"))
    assert any(line.startswith(f"{caught}: {today}, ") and f"; {yours}, " in line for line in lines)


def test_a_row_with_no_header_reads_label_and_value(world, content):
    say, numbers = voice(content, "en")
    tid = next(iter(content.travellers))
    traveller = content.travellers[tid]
    lines = speech.reading(meet.meet_screen(content, tid, numbers), say)
    assert f"{say(Words('people.status'))}: {say(Words(f'category.{traveller.category}'))}" in lines


def test_table_header_is_the_pair_that_heads_rows_of_as_many_cells(world, content):
    head = Item("pair", (Words("a"), Words("b"), Words("c")), "strong")
    rows = [Item("pair", (Words("x"), Words("y"), Words("z")), "small") for _ in range(2)]
    assert speech.table_header([head, *rows]) is head
    assert speech.table_header(rows) is None                      # rows alike: no header among them
    single = [Item("pair", (Words("a"),), "label"), Item("pair", (Words("b"),), "small")]
    assert speech.table_header(single) is None                    # a record entry's lines are not a table


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lab_chart_says_the_threshold_and_each_group(world, content, decisions, lang):
    say, numbers = voice(content, lang)
    state = BoardState(dict(decisions))
    said = {}
    for score in (3.0, 6.5):
        state.threshold_score = score
        screen = lab.lab_screen(world, state, lab.lab_index(content), numbers)
        chart = next(i for i in focusable(screen) if i.key == "chart")
        said[score] = speech.utterance(chart, say, screen)
        assert numbers.decimal(score, 2) in said[score]
        policy = state.policy(world.model, content.questions)
        year = world.year(policy)
        for group in world.model.groups:
            assert say(Words(world.model_group_label(group))) in said[score]
            assert numbers.count(year.by_group[group].false_non_matches / year.days) in said[score]
    assert said[3.0] != said[6.5]


def test_a_glossary_term_says_its_sentence(content):
    say, _ = voice(content, "es")
    term = next(iter(content.scenes.glossary))
    said = speech.utterance(Item("button", key=f"term:{term}"), say)
    assert content.text(f"glossary.{term}.term", "es") in said and content.text(f"glossary.{term}.means", "es") in said


@pytest.mark.parametrize("lang", LANGUAGES)
def test_portraits_say_who_and_how_they_feel_and_the_map_where_they_are(world, content, lang):
    say, numbers = voice(content, lang)
    for tid, traveller in content.travellers.items():
        crossing = world.crossing(tid)
        feeling = say(Words("speech.mood.relief" if crossing.released else "speech.mood.worry"))
        lines = speech.reading(outcome.outcome_screen(world, tid, crossing, numbers), say)
        assert f"{say(Words(traveller.name))}: {feeling}" in lines
        chain = lane_stations(content, traveller.lane)
        lines = speech.reading(lane.lane_screen(world, tid, crossing, len(chain) - 1, 0.0, numbers), say)
        where = say(Words.of("speech.map", {"n": numbers.count(len(chain)), "total": numbers.count(len(chain)),
                                            "station": Words(chain[-1].title)}))
        assert any(line.startswith(where) for line in lines), lines


def test_a_record_entry_says_its_system_how_long_and_who_reads_it(world, content):
    say, numbers = voice(content, "en")
    said_records = 0
    for tid in content.travellers:
        crossing = world.crossing(tid)
        chain = lane_stations(content, content.travellers[tid].lane)
        lines = speech.reading(lane.lane_screen(world, tid, crossing, len(chain) - 1, 0.0, numbers), say)
        for line in crossing.beat_at(chain[-1].id).records:
            said_records += 1
            kept = say(Words.of(line.retention_label, numbers.values(retention_values(world.model, line.retention))))
            for said in (say(Words(line.system)), kept, say(readers_words(line.readers))):
                assert any(read.startswith(said) for read in lines), (tid, said)
    assert said_records > 5


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_decision_code_is_spelled_character_by_character(content, world, decisions, lang):
    """An engine would read "300" as three hundred: the code is said one character at a time, a pause
    between its groups, so a student who listens can copy it."""
    say, numbers = voice(content, lang)
    screen = record.record_screen(world, BoardState(dict(decisions)), [], numbers)
    code = record.decision_code(world, BoardState(dict(decisions)))
    lines = speech.reading(screen, say)
    spelled = ". ".join(", ".join(group) for group in code.split())
    assert spelled in lines and code not in lines
