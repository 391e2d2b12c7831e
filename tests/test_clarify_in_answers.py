"""Clarifying questions inside a whole design answer: the scorer hears them with the interview's own detector,
so a candidate who opens by asking the interviewer is not told to ask clarifying questions."""
from __future__ import annotations

from coach.content import default_content
from coach.interview import clarify
from coach.scoring import score_answer

DESIGN_TAIL = (" Thanks, so the top tier gets blocked and escalated, everything else gets a warning first. Two hundred "
               "thousand messages a minute is about three and a half thousand a second, and a small text classifier "
               "handles a thousand a second per core, so four cores cover it with room to spare. Messages go through a "
               "keyword list first, then the classifier, and anything in the uncertain band goes to a human queue. "
               "Reviewer decisions feed back as labels every week, and a dashboard tracks volume per policy per hour.")


def _gaps(text: str) -> list[str]:
    content = default_content()
    q = content.question("sd-image-moderation")
    card = score_answer(text, question=q, round_spec=content.round("system-design"),
                        rubric=content.rubric("system-design"))
    return [g.id for g in card.gaps]


def test_a_design_answer_that_opens_by_asking_the_interviewer_has_no_no_clarifying_gap() -> None:
    opener = "Let me begin with what I need from you: which policies exist, and what happens to a message that breaks one."
    assert clarify.questions_in_answer(opener + DESIGN_TAIL) == [opener]
    assert "no_clarifying" not in _gaps(opener + DESIGN_TAIL)
    wanted = ("Before I draw anything I'd want to hear from the trust team which policies matter most and how fast a "
              "decision has to be.")
    assert "no_clarifying" not in _gaps(wanted + DESIGN_TAIL)


def test_a_design_answer_whose_only_question_it_answers_itself_still_lacks_clarifying() -> None:
    rhetorical = "What happens when the classifier is unsure? It goes to the human queue, which is staffed around the clock."
    assert clarify.questions_in_answer(rhetorical + DESIGN_TAIL) == []
    assert "no_clarifying" in _gaps(rhetorical + DESIGN_TAIL)


def test_asking_from_you_is_a_clarification_but_offering_what_you_want_to_hear_is_not() -> None:
    assert clarify.is_clarification("let me start with what i need from you, which regions do we serve")
    assert not clarify.is_clarification("you'll probably want to hear about monitoring so let me cover that")


def test_a_fragment_handed_over_a_need_said_politely_or_a_guess_to_correct_is_asked() -> None:
    for text in ("daily active riders in the first city, any idea",
                 "average basket size and orders per hour please",
                 "I'd appreciate knowing whether the scores must be explainable to the merchant.",
                 "i'm thinking maybe two hundred rides a minute at rush hour, tell me if that's far out",
                 "so is a third party model out of bounds or could we fall back to one when we're swamped"):
        assert clarify.is_clarification(text), text


def test_thinking_aloud_a_noun_clause_a_relative_clause_or_a_premise_is_not_asked() -> None:
    for text in ("right what else, what else, oh the ranking piece, I skipped deduplication",
                 "what would the dashboard even show um the score histogram first since every model emits it",
                 "The scheduler picks which jobs run, and how much memory each one gets is a limit the platform team sets.",
                 "Why keep two copies of the features? We don't, which is why the registry generates both views.",
                 "Presumably the invoices already sit in a warehouse, so loading them is a nightly export.",
                 "how's the clock looking for the design part"):
        assert not clarify.is_clarification(text), text


def test_heldout8_and_dev21_are_kept_after_the_rules_learned_from_them() -> None:
    # each scored once while clean (held-out 8 0.86 / 0.86, dev 21 0.90 / 0.90), then tuned on: this keeps
    # them, it does not measure the rules
    import tomllib

    from coach.eval.followups import CLARIFY_DIR
    for name in ("heldout8", "dev21"):
        cases = tomllib.loads((CLARIFY_DIR / f"{name}.toml").read_text(encoding="utf-8"))["utterance"]
        wrong = [c["text"] for c in cases if clarify.is_clarification(c["text"]) != c["clarifying"]]
        assert len(cases) >= 40 and not wrong, (name, wrong)


def test_every_turn_the_interview_takes_as_a_clarification_the_scorer_counts_as_clarifying() -> None:
    import tomllib

    from coach.eval.followups import CLARIFY_DIR, CLARIFY_SETS
    from coach.scoring import signals
    from coach.scoring.text import sentences
    # the named sets only: a clean set not yet named held out is never opened by a test
    turns = [u["text"] for path in sorted(CLARIFY_DIR.glob("*.toml"))
             if path.stem in CLARIFY_SETS or path.stem.startswith("dev")
             for u in tomllib.loads(path.read_text(encoding="utf-8"))["utterance"]]
    asked = [t for t in turns if clarify.is_clarification(t)]
    assert len(asked) >= 300
    assert [t for t in asked if not signals.clarifying(sentences(t))] == []
