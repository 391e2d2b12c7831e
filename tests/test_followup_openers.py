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


def test_the_shipped_prompt_opens_a_wrong_figure_question_with_the_figure_said() -> None:
    template = load_template(PROJECT_ROOT / "prompts" / "followup.md")
    content = default_content()
    q = content.question("sd-llm-serving")
    from coach.scoring import score_answer

    answer = ("So the context is around three thousand tokens, and the cache is something like six hundred kilobytes a "
              "token, which comes to roughly eighteen megabytes for each conversation, so memory is not the constraint.")
    card = score_answer(answer, question=q, round_spec=content.round("system-design"),
                        rubric=content.rubric("system-design"))
    wrong = next(g for g in card.gaps if g.id == "bad_math")
    # the figure as the candidate said it, so the model goes on with the inputs instead of dropping the figure
    assert choice.opening(template.openers, "bad_math", q, findings.Finding.of(card, wrong)) == \
        ("How did you get eighteen megabytes",)
    assert choice.opening(template.openers, "bad_math", q) == ("How did you get",)     # no figure known


def test_a_wrong_figure_question_names_the_working_it_came_from() -> None:
    content = default_content()
    q = content.question("sd-llm-serving")
    from coach.scoring import score_answer

    answer = ("So the context is around three thousand tokens, and the cache is something like six hundred kilobytes a "
              "token, which comes to roughly eighteen megabytes for each conversation, so memory is not the constraint.")
    card = score_answer(answer, question=q, round_spec=content.round("system-design"), rubric=content.rubric("system-design"))
    target = findings.Finding.of(card, next(g for g in card.gaps if g.id == "bad_math"))

    def asked(candidate: str) -> str:
        return choice.choose(q, answer, "bad_math", [candidate], [q.prompt], content.gaps, target=target).source

    assert asked("How did you get eighteen megabytes from three thousand tokens of context?") == "model"
    # inputs of the model's own making are not the candidate's working
    assert asked("How did you get eighteen megabytes from the GPU count per second?") == "bank"
    assert asked("How did you get eighteen megabytes for each conversation?") == "model"    # no working named
    # each factor of the working said in words is its own figure ("forty thousand × five hundred": 40,000 and 500)
    from coach.scoring.napkin import Check

    said = findings.Finding("", Check(False, "", 2e6, 2e7, claimed="two million", inputs="forty thousand × five hundred"))
    assert choice.input_figures("bad_math", said) == {"40000", "500"}


def test_a_figure_said_as_a_teen_must_be_named() -> None:
    content = default_content()
    q = content.question("sd-llm-serving")
    from coach.scoring import score_answer

    answer = ("The context is around three thousand tokens and the cache is about six hundred kilobytes a token, "
              "which comes to roughly eighteen megabytes for each conversation, so memory is not the constraint.")
    card = score_answer(answer, question=q, round_spec=content.round("system-design"), rubric=content.rubric("system-design"))
    target = findings.Finding.of(card, next(g for g in card.gaps if g.id == "bad_math"))
    assert choice.figure_words("bad_math", target) >= {"eighteen"}
    reply = choice.choose(q, answer, "bad_math", ["How did you get tokens per second from three thousand tokens?"],
                          [q.prompt], content.gaps, target=target)
    assert reply.source == "bank"


def test_the_model_is_shown_the_clause_where_we_hides_the_candidate() -> None:
    answer = ("Yeah, so, we were running the ads click model on CPUs and the cost was getting out of hand. "
              "We profiled the serving path and found most of the time went into feature lookups, not the model.")
    # a step the team took, not the state things were in: "when the team profiled ..., what did you do?"
    assert findings.we_sentence(answer) == "We profiled the serving path"
    told = findings.plain("we_not_i", '"we" 2 times, "I" 0 times', answer)
    assert told.endswith('e.g. "the team profiled the serving path"')
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


def test_the_model_is_shown_a_step_the_team_took_not_a_habit() -> None:
    answer = ("Mentoring is something we care about a lot on our team. When the new hire joined we paired her with a "
              "senior engineer and we gave her the feature backfill job as a first project. Within a quarter she "
              "owned it.")
    told = findings.plain("we_not_i", '"we" 3 times, "I" 0 times', answer)
    # not "the team care about a lot on the team's team": a step, with its time clause cut
    assert told.endswith('e.g. "the team paired her with a senior engineer"'), told
    assert findings.as_the_team("we keep it simple on our team") == "the team keep it simple on the team"


def test_the_bundled_model_asks_about_the_figure_said_and_only_the_candidates_working(interviewer) -> None:
    content = default_content()
    q = content.question("sd-llm-serving")
    from coach.scoring import score_answer

    answer = ("So the context is around three thousand tokens, and the cache is something like six hundred kilobytes a "
              "token, which comes to roughly eighteen megabytes for each conversation, so memory is not the constraint.")
    card = score_answer(answer, question=q, round_spec=content.round("system-design"), rubric=content.rubric("system-design"))
    wrong = next(g for g in card.gaps if g.id == "bad_math")
    reply = interviewer.follow_up(q, answer, "bad_math", [q.prompt], target=findings.Finding.of(card, wrong))
    # the small model left to itself asked "How did you get tokens per second from the GPU count ...?": no figure of
    # the candidate's, and a working they never gave
    assert reply.candidates and reply.candidates[0].startswith("How did you get eighteen megabytes"), reply
    if reply.source == "model":
        from coach.followups import guards

        assert "eighteen" in reply.question and guards.figures(reply.question) & {"3000", "600"}, reply
