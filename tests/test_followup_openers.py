"""How the model's follow-up opens, per gap (prompts/followup.md `## openers`), and what it is shown after "we"."""
from __future__ import annotations

from coach.content import default_content
from coach.followups import choice, findings
from coach.followups.prompt import parse_template
from coach.paths import PROJECT_ROOT
from coach.followups.prompt import load_template


def test_openers_are_read_per_gap_and_per_kind_of_question() -> None:
    template = parse_template("## system\ns\n## turn\nt\n## openers\nbad_math: How did you get | How does\n"
                              "non_answer plan: If you had to\n")
    assert template.openers == {"bad_math": ("How did you get", "How does"), "non_answer plan": ("If you had to",)}
    content = default_content()
    design = content.question("sd-llm-serving")
    story = content.question("bh-changed-mind")
    assert choice.opening(template.openers, "bad_math", design) == ("How did you get", "How does")
    assert choice.opening(template.openers, "non_answer", design) == ("If you had to",)
    # a story question's non-answer is not narrowed into a hypothetical ("if you had to make a mistake ...")
    assert choice.opening(template.openers, "non_answer", story) == ()
    assert choice.opening(template.openers, "no_result", story) == ()


def test_the_shipped_prompt_opens_a_wrong_figure_question_by_asking_how_it_was_got() -> None:
    openers = load_template(PROJECT_ROOT / "prompts" / "followup.md").openers
    assert openers["bad_math"] == ("How did you get",)


def test_the_model_is_shown_the_clause_where_we_hides_the_candidate() -> None:
    answer = ("Yeah, so, we were running the ads click model on CPUs and the cost was getting out of hand. "
              "We profiled the serving path and found most of the time went into feature lookups, not the model.")
    assert findings.we_sentence(answer) == "we were running the ads click model on CPUs"
    told = findings.plain("we_not_i", '"we" 2 times, "I" 0 times', answer)
    assert told.endswith('e.g. "the team were running the ads click model on CPUs"')
    # a sentence whose "we" has no clause of its own is shown whole
    assert findings.we_sentence("So we, the whole group, fixed it last week.") == "So we, the whole group, fixed it last week."


def test_the_bundled_model_names_the_wrong_figure_it_is_asked_about(interviewer) -> None:
    content = default_content()
    q = content.question("sd-llm-serving")
    from coach.scoring import score_answer

    answer = "The model has 300 million parameters in fp32, so the weights take 120 megabytes."
    card = score_answer(answer, question=q, round_spec=content.round("system-design"), rubric=content.rubric("system-design"))
    top = card.gaps[0]
    reply = interviewer.follow_up(q, answer, top.id, [q.prompt], target=findings.Finding.of(card, top))
    assert top.id == "bad_math" and reply.candidates
    assert reply.candidates[0].startswith("How did you get")
    assert "120" in reply.question or "hundred and twenty" in reply.question.lower(), reply
