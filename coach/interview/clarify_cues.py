"""The cue words of `rubrics/clarifying.toml`, loaded and checked (read by `coach.interview.clarify`)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from coach import paths
from coach.content.check import read_toml
from coach.errors import ContentError


@dataclass(frozen=True)
class Cues:
    """`rubrics/clarifying.toml`, loaded."""

    question_starts: tuple[str, ...]
    statement_subjects: frozenset[str]
    asks: tuple[str, ...]
    clause_starts: tuple[str, ...]
    asking_because: tuple[str, ...]
    about_the_interview: tuple[str, ...]
    tags: tuple[str, ...]
    about_me_starts: tuple[str, ...]
    about_my_turn: tuple[str, ...]
    fillers: frozenset[str]
    topics: dict[str, tuple[str, ...]]
    hedges: frozenset[str] = frozenset()
    embedded_asks: tuple[str, ...] = ()
    embedded_words: frozenset[str] = frozenset()
    request_starts: tuple[str, ...] = ()
    assumption_checks: tuple[str, ...] = ()
    permission: tuple[str, ...] = ()
    permission_requests: tuple[str, ...] = ()
    interview_time: tuple[str, ...] = ()
    goes_on: tuple[str, ...] = ()
    goes_on_subjects: frozenset[str] = frozenset()
    unknown_words: frozenset[str] = frozenset()
    proposal_opens: tuple[str, ...] = ()
    explicit_answers: tuple[str, ...] = ()
    request_verbs: tuple[str, ...] = ()
    inversions: tuple[str, ...] = ()
    not_inverted_after: frozenset[str] = frozenset()
    answer_openers: tuple[str, ...] = ()
    bound_before: frozenset[str] = frozenset()
    choosing: tuple[str, ...] = ()
    confirm_ends: tuple[str, ...] = ()
    or_scope: tuple[str, ...] = ()
    method_asks: tuple[str, ...] = ()
    method_today: tuple[str, ...] = ()
    design_asks: tuple[str, ...] = ()
    assume_opens: tuple[str, ...] = ()
    confirm_tags: frozenset[str] = frozenset()
    tag_not_after: frozenset[str] = frozenset()
    lead_ins: tuple[str, ...] = ()
    guess_words: frozenset[str] = frozenset()
    hand_back_joins: frozenset[str] = frozenset()
    plan_markers: tuple[str, ...] = ()
    tag_fact_opens: tuple[str, ...] = ()
    need_verbs: tuple[str, ...] = ()
    know_verbs: tuple[str, ...] = ()
    own_talk: tuple[str, ...] = ()
    judging_verbs: frozenset[str] = frozenset()
    opinion_verbs: frozenset[str] = frozenset()
    would_you_asks: frozenset[str] = frozenset()
    result_words: frozenset[str] = frozenset()
    fact_verbs: frozenset[str] = frozenset()
    answer_hedges: frozenset[str] = frozenset()
    answer_words: frozenset[str] = frozenset()
    ask_tails: tuple[str, ...] = ()
    self_talk: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    qualifiers: frozenset[str] = frozenset()
    periods: frozenset[str] = frozenset()
    counted_topics: frozenset[str] = frozenset()
    counted_only: frozenset[str] = frozenset()
    count_asks: tuple[str, ...] = ()
    tell_verbs: frozenset[str] = frozenset()
    wish_words: frozenset[str] = frozenset()
    know_words: frozenset[str] = frozenset()
    premise_checks: frozenset[str] = frozenset()
    talk_verbs: frozenset[str] = frozenset()
    interviewer_wishes: tuple[str, ...] = ()
    yes_no: frozenset[str] = frozenset()
    provisional_opens: tuple[str, ...] = ()
    example_choices: tuple[str, ...] = ()
    acceptable_ends: frozenset[str] = frozenset()
    premise_opens: tuple[str, ...] = ()
    reason_cuts: tuple[str, ...] = ()
    use_asks: tuple[str, ...] = ()
    may_words: tuple[str, ...] = ()
    use_verbs: frozenset[str] = frozenset()
    use_topic: str = "constraints"
    volume_frames: tuple[str, ...] = ()
    volume_topic: str = "traffic"
    example_marks: tuple[str, ...] = ()
    example_leads: tuple[str, ...] = ()
    choice_back: tuple[str, ...] = ()
    tail_qualifiers: frozenset[str] = frozenset()
    put_to_you_verbs: frozenset[str] = frozenset()
    wonder_words: frozenset[str] = frozenset()
    own_choice_modals: frozenset[str] = frozenset()
    generic_nouns: tuple[str, ...] = ()
    mix_words: tuple[str, ...] = ()
    uniformity_asks: tuple[str, ...] = ()
    varies_facts: tuple[str, ...] = ()
    group_words: frozenset[str] = frozenset()
    scope_words: tuple[str, ...] = ()
    sum_operators: tuple[str, ...] = ()
    conditional_answers: tuple[str, ...] = ()
    wait_words: frozenset[str] = frozenset()
    learn_verbs: tuple[str, ...] = ()
    learning_topic: str = "labels"
    pace_topic: str = "latency"
    anyone_words: frozenset[str] = frozenset()
    grading_stems: tuple[str, ...] = ()
    grading_topic: str = "labels"
    staff_topic: str = "team"
    rule_modals: frozenset[str] = frozenset()
    harm_words: frozenset[str] = frozenset()
    comparatives: frozenset[str] = frozenset()
    rule_negations: frozenset[str] = frozenset()
    wish_before: frozenset[str] = frozenset()
    answer_adverbs: frozenset[str] = frozenset()
    elaborations: tuple[str, ...] = ()
    evaluatives: frozenset[str] = frozenset()
    allowance_words: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    pace_bounds: tuple[str, ...] = ()
    duration_bounds: tuple[str, ...] = ()
    distributives: frozenset[str] = frozenset()
    size_asks: tuple[str, ...] = ()
    when_nouns: frozenset[str] = frozenset()
    reckon_verbs: frozenset[str] = frozenset()
    money_words: frozenset[str] = frozenset()
    hardware_words: frozenset[str] = frozenset()
    given_verbs: frozenset[str] = frozenset()
    share_asks: tuple[str, ...] = ()
    shared_facts: tuple[str, ...] = ()
    open_asks: tuple[str, ...] = ()
    comparisons: tuple[str, ...] = ()
    error_cost_topic: str = "goal"
    people_words: frozenset[str] = frozenset()
    fact_part_joins: frozenset[str] = frozenset()
    fact_part_back: tuple[str, ...] = ()
    fact_part_units: frozenset[str] = frozenset()
    broad_asks: tuple[str, ...] = ()
    figure_options: tuple[str, ...] = ()
    magnitudes: frozenset[str] = frozenset()
    cue_endings: frozenset[str] = frozenset()
    softened_verbs: frozenset[str] = frozenset()
    plural_only_cues: frozenset[str] = frozenset()
    amount_idioms: tuple[str, ...] = ()
    empty_idioms: tuple[str, ...] = ()
    continuing_verbs: frozenset[str] = frozenset()
    short_names: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    word_senses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    who_words: frozenset[str] = frozenset()
    quote_verbs: tuple[str, ...] = ()
    quote_objects: tuple[str, ...] = ()
    duration_asks: tuple[str, ...] = ()
    work_verbs: frozenset[str] = frozenset()
    max_statement_words: int = 25
    rising_statement_words: int = 12
    afterthoughts: tuple[str, ...] = ()
    no_fact: str = "That's your call: state an assumption and go on."
    partly: str = "For the rest, state your assumption."
    reminder: str = "As I said,"


def _strings(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(f"{where}: field '{key}' must be a list of phrases", "fix rubrics/clarifying.toml")
    return tuple(v.lower().strip() for v in value)


def load_cues(path: Path | None = None) -> Cues:
    path = path or paths.rubrics_dir() / "clarifying.toml"
    where = "rubrics/clarifying.toml"
    data = read_toml(path, where)
    topics = data.get("topics", {})
    if not isinstance(topics, dict) or not topics:
        raise ContentError(f"{where}: [topics] must map each fact name to its words", "fix rubrics/clarifying.toml")
    for key in ("use_topic", "volume_topic", "error_cost_topic", "learning_topic", "grading_topic", "pace_topic"):
        if str(data.get(key, getattr(Cues, key))) not in topics:
            raise ContentError(f"{where}: '{key}' must name one of [topics]", "fix rubrics/clarifying.toml")
    return Cues(
        question_starts=_strings(data, "question_starts", where),
        statement_subjects=frozenset(_strings(data, "statement_subjects", where)),
        asks=_strings(data, "asks", where), clause_starts=_strings(data, "clause_starts", where),
        asking_because=_strings(data, "asking_because", where),
        about_the_interview=_strings(data, "about_the_interview", where), tags=_strings(data, "tags", where),
        about_me_starts=_strings(data, "about_me_starts", where),
        about_my_turn=_strings(data, "about_my_turn", where),
        fillers=frozenset(_strings(data, "fillers", where)),
        hedges=frozenset(_strings(data, "hedges", where)),
        embedded_asks=_strings(data, "embedded_asks", where),
        embedded_words=frozenset(_strings(data, "embedded_words", where)),
        request_starts=_strings(data, "request_starts", where),
        assumption_checks=_strings(data, "assumption_checks", where),
        permission=_strings(data, "permission", where),
        permission_requests=_strings(data, "permission_requests", where),
        interview_time=_strings(data, "interview_time", where), goes_on=_strings(data, "goes_on", where),
        goes_on_subjects=frozenset(_strings(data, "goes_on_subjects", where)),
        unknown_words=frozenset(_strings(data, "unknown_words", where)),
        proposal_opens=_strings(data, "proposal_opens", where), explicit_answers=_strings(data, "explicit_answers", where),
        request_verbs=_strings(data, "request_verbs", where), inversions=_strings(data, "inversions", where),
        not_inverted_after=frozenset(_strings(data, "not_inverted_after", where)),
        answer_openers=_strings(data, "answer_openers", where),
        bound_before=frozenset(_strings(data, "bound_before", where)),
        choosing=_strings(data, "choosing", where), confirm_ends=_strings(data, "confirm_ends", where),
        or_scope=_strings(data, "or_scope", where), method_asks=_strings(data, "method_asks", where),
        method_today=_strings(data, "method_today", where), design_asks=_strings(data, "design_asks", where),
        assume_opens=_strings(data, "assume_opens", where), confirm_tags=frozenset(_strings(data, "confirm_tags", where)),
        tag_not_after=frozenset(_strings(data, "tag_not_after", where)),
        lead_ins=_strings(data, "lead_ins", where),
        guess_words=frozenset(_strings(data, "guess_words", where)),
        hand_back_joins=frozenset(_strings(data, "hand_back_joins", where)),
        plan_markers=_strings(data, "plan_markers", where), tag_fact_opens=_strings(data, "tag_fact_opens", where), need_verbs=_strings(data, "need_verbs", where),
        know_verbs=_strings(data, "know_verbs", where), own_talk=_strings(data, "own_talk", where),
        judging_verbs=frozenset(_strings(data, "judging_verbs", where)),
        opinion_verbs=frozenset(_strings(data, "opinion_verbs", where)),
        would_you_asks=frozenset(_strings(data, "would_you_asks", where)),
        result_words=frozenset(_strings(data, "result_words", where)),
        fact_verbs=frozenset(_strings(data, "fact_verbs", where)),
        answer_hedges=frozenset(_strings(data, "answer_hedges", where)),
        answer_words=frozenset(_strings(data, "answer_words", where)),
        ask_tails=_strings(data, "ask_tails", where), self_talk=_strings(data, "self_talk", where),
        reasons=_strings(data, "reasons", where), qualifiers=frozenset(_strings(data, "qualifiers", where)),
        periods=frozenset(_strings(data, "periods", where)), counted_topics=frozenset(_strings(data, "counted_topics", where)),
        counted_only=frozenset(_strings(data, "counted_only", where)), count_asks=_strings(data, "count_asks", where),
        topics={name: _strings(topics, name, where) for name in topics},
        word_senses={word: _strings(data.get("word_senses", {}), word, where) for word in data.get("word_senses", {})},
        tell_verbs=frozenset(_strings(data, "tell_verbs", where)), wish_words=frozenset(_strings(data, "wish_words", where)),
        know_words=frozenset(_strings(data, "know_words", where)),
        premise_checks=frozenset(_strings(data, "premise_checks", where)),
        talk_verbs=frozenset(_strings(data, "talk_verbs", where)),
        interviewer_wishes=_strings(data, "interviewer_wishes", where), yes_no=frozenset(_strings(data, "yes_no", where)),
        provisional_opens=_strings(data, "provisional_opens", where),
        example_choices=_strings(data, "example_choices", where),
        acceptable_ends=frozenset(_strings(data, "acceptable_ends", where)),
        premise_opens=_strings(data, "premise_opens", where), reason_cuts=_strings(data, "reason_cuts", where),
        use_asks=_strings(data, "use_asks", where), may_words=_strings(data, "may_words", where),
        use_verbs=frozenset(_strings(data, "use_verbs", where)),
        use_topic=str(data.get("use_topic", Cues.use_topic)),
        volume_frames=_strings(data, "volume_frames", where),
        volume_topic=str(data.get("volume_topic", Cues.volume_topic)),
        example_marks=_strings(data, "example_marks", where), example_leads=_strings(data, "example_leads", where),
        choice_back=_strings(data, "choice_back", where),
        tail_qualifiers=frozenset(_strings(data, "tail_qualifiers", where)),
        put_to_you_verbs=frozenset(_strings(data, "put_to_you_verbs", where)),
        wonder_words=frozenset(_strings(data, "wonder_words", where)),
        own_choice_modals=frozenset(_strings(data, "own_choice_modals", where)),
        generic_nouns=_strings(data, "generic_nouns", where),
        mix_words=_strings(data, "mix_words", where),
        uniformity_asks=_strings(data, "uniformity_asks", where), varies_facts=_strings(data, "varies_facts", where),
        group_words=frozenset(_strings(data, "group_words", where)), scope_words=_strings(data, "scope_words", where),
        sum_operators=_strings(data, "sum_operators", where),
        conditional_answers=_strings(data, "conditional_answers", where),
        wait_words=frozenset(_strings(data, "wait_words", where)), learn_verbs=_strings(data, "learn_verbs", where),
        learning_topic=str(data.get("learning_topic", Cues.learning_topic)),
        pace_topic=str(data.get("pace_topic", Cues.pace_topic)),
        anyone_words=frozenset(_strings(data, "anyone_words", where)),
        grading_stems=_strings(data, "grading_stems", where),
        grading_topic=str(data.get("grading_topic", Cues.grading_topic)),
        staff_topic=str(data.get("staff_topic", Cues.staff_topic)),
        rule_modals=frozenset(_strings(data, "rule_modals", where)),
        harm_words=frozenset(_strings(data, "harm_words", where)),
        comparatives=frozenset(_strings(data, "comparatives", where)),
        rule_negations=frozenset(_strings(data, "rule_negations", where)),
        wish_before=frozenset(_strings(data, "wish_before", where)),
        answer_adverbs=frozenset(_strings(data, "answer_adverbs", where)),
        elaborations=_strings(data, "elaborations", where),
        evaluatives=frozenset(_strings(data, "evaluatives", where)),
        allowance_words=frozenset(_strings(data, "allowance_words", where)),
        time_words=frozenset(_strings(data, "time_words", where)),
        pace_bounds=_strings(data, "pace_bounds", where),
        duration_bounds=_strings(data, "duration_bounds", where),
        distributives=frozenset(_strings(data, "distributives", where)),
        size_asks=_strings(data, "size_asks", where),
        when_nouns=frozenset(_strings(data, "when_nouns", where)),
        reckon_verbs=frozenset(_strings(data, "reckon_verbs", where)),
        money_words=frozenset(_strings(data, "money_words", where)),
        hardware_words=frozenset(_strings(data, "hardware_words", where)),
        given_verbs=frozenset(_strings(data, "given_verbs", where)),
        share_asks=_strings(data, "share_asks", where), shared_facts=_strings(data, "shared_facts", where),
        open_asks=_strings(data, "open_asks", where),
        comparisons=_strings(data, "comparisons", where),
        error_cost_topic=str(data.get("error_cost_topic", Cues.error_cost_topic)),
        people_words=frozenset(_strings(data, "people_words", where)),
        fact_part_joins=frozenset(_strings(data, "fact_part_joins", where)),
        fact_part_back=_strings(data, "fact_part_back", where),
        fact_part_units=frozenset(_strings(data, "fact_part_units", where)),
        broad_asks=_strings(data, "broad_asks", where),
        figure_options=_strings(data, "figure_options", where),
        magnitudes=frozenset(_strings(data, "magnitudes", where)),
        cue_endings=frozenset(_strings(data, "cue_endings", where)),
        softened_verbs=frozenset(_strings(data, "softened_verbs", where)),
        plural_only_cues=frozenset(_strings(data, "plural_only_cues", where)),
        amount_idioms=_strings(data, "amount_idioms", where), empty_idioms=_strings(data, "empty_idioms", where),
        continuing_verbs=frozenset(_strings(data, "continuing_verbs", where)),
        short_names=frozenset(_strings(data, "short_names", where)),
        light_verbs=frozenset(_strings(data, "light_verbs", where)),
        who_words=frozenset(_strings(data, "who_words", where)),
        quote_verbs=_strings(data, "quote_verbs", where), quote_objects=_strings(data, "quote_objects", where),
        duration_asks=_strings(data, "duration_asks", where),
        work_verbs=frozenset(_strings(data, "work_verbs", where)),
        max_statement_words=int(data.get("max_statement_words", 25)),
        afterthoughts=_strings(data, "afterthoughts", where),
        rising_statement_words=int(data.get("rising_statement_words", Cues.rising_statement_words)),
        no_fact=str(data.get("no_fact", Cues.no_fact)), partly=str(data.get("partly", Cues.partly)),
        reminder=str(data.get("reminder", Cues.reminder)),
    )


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    return load_cues()
