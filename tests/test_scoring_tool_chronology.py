"""Asked what they are looking for, a recruiter-round answer that walks through the tools and stacks of past jobs
("then moved to ...", "then we switched to ...", "did a stint on ...") before a vague wish is a career history, held at
the rubric's low level like any chronology that never says what the speaker does now."""
from __future__ import annotations

from tests.scored import card_for

TOOLS = ("Well, I have touched a lot of things: I began with speech recognition in Kaldi, then moved to PyTorch, and "
         "for a while mostly search ranking. We ran everything on Hadoop at first, then we switched to Databricks, and "
         "recently I have played with LangChain and some vector databases, which is fun. I also did a stint on a "
         "labelling tool rewrite, which taught me a lot about annotators. Going forward, maybe ranking or maybe "
         "agents, I am flexible, ideally somewhere with a bigger platform.")


def test_a_chronology_of_tools_in_place_of_what_they_want_is_held_low() -> None:
    card = card_for("rc-looking-for", TOOLS)
    assert any("career history" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 1.6
