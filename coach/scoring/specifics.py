"""How specific an answer is: the share of its own words that name something (a system, a place, a figure, a
step) rather than the vocabulary every work story shares ("I investigated the issue, identified the root cause and
worked with the team to resolve it").

A story can have every STAR part and still say nothing an interviewer can check, and a view of why this team can be
long and still fit any company. The rubric's level 3 asks for specific actions, reasons tied to the team; read across
the graded set (tests/data/graded/, the five people rounds), every answer graded 3 or more has at least 60% of its
new words (those the question did not use) outside the generic vocabulary below, while 26 of the 138 graded 1-2 fall
under 55%. `said_generically` is that line (55%, or fewer than eight concrete words and no figure).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.scoring.text import content_stems

_F = re.IGNORECASE

# The vocabulary of any project told in the abstract: process verbs, the people and artefacts of every job, and the
# verdicts people put on them. A word here names nothing the listener could ask a second question about.
GENERIC_WORDS = """
project team teammate colleague model system issue problem stakeholder solution approach goal objective requirement
feedback opportunity decision concern pros cons discussion meeting business outcome success successful successfully
result performance process work task tasked responsible responsibility role job time option plan execute execution
situation point view side everyone everybody people person someone company organisation organization manager
management leadership lead led help support make made get got take took give gave go went come came find found
identify identified investigate investigated analyse analysed analyze analyzed analysis understand understood
communicate communicated communication inform informed share shared discuss discussed listen listened
align aligned alignment agree agreed agreement collaborate collaborated collaboration coordinate coordinated
facilitate facilitated prioritise prioritised prioritize prioritized priority improve improved improvement
significant significantly better best good great well quick quickly effective effectively efficient efficiently
overall various different important key main major clear clearly deliver delivered delivery deadline ensure
ensured sure right way thing root cause fix fixed resolve resolved resolution measures place put happen happened
again grow growth grew confident confidence independent lot much more less optimise optimised optimize optimized
optimisation optimization saving inefficiency happy satisfied pleased received gather gathered vague concrete
previous last current new initial first final end ultimately eventually finally together whole entire believe
think felt feel thought idea case matter
passion passionate innovation innovative impact impactful scale exciting excited excites opportunity talented talent
learning learn growing culture mission values value vision challenge challenging hard interesting meaningful
world class cutting edge thrive strong combination technical depth fast paced environment ambitious motivated
driven excellence collaborative
roadmap phased principles principle guiding north star document documents doc authored sessions session socialise
socialised socialize socialized partnered partner partnering framework frameworks strategy strategic initiative
initiatives reference fragmented sequencing cadence visibility transparency ownership accountability champion
championed leverage leveraged holistic synergy stakeholders
"""
GENERIC_STEMS = frozenset(content_stems(GENERIC_WORDS))
_FIGURE = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                     r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|dozen|"
                     r"percent)\b", _F)
CONCRETE_SHARE = 0.55    # below it, the new words are mostly the generic vocabulary
CONCRETE_FEW = 8         # fewer concrete words than this, and no figure, says nothing specific either


@dataclass(frozen=True)
class Specifics:
    new: int          # distinct content words the question did not use
    concrete: int     # of them, outside the generic vocabulary
    figures: int      # distinct figures said

    @property
    def share(self) -> float:
        return self.concrete / self.new if self.new else 0.0


@lru_cache(maxsize=64)
def specifics(text: str, prompt: str = "") -> Specifics:
    asked = set(content_stems(prompt))
    new = set(content_stems(text)) - asked
    concrete = new - GENERIC_STEMS
    figures = {m.group(0).lower() for m in _FIGURE.finditer(text)} - {m.group(0).lower() for m in _FIGURE.finditer(prompt)}
    return Specifics(len(new), len(concrete), len(figures))


def said_generically(text: str, prompt: str = "") -> Specifics | None:
    """The answer's Specifics when it is said in the generic vocabulary (most new words generic, or only a handful
    of concrete ones and no figure); None when it names enough."""
    s = specifics(text, prompt)
    if s.new and (s.share < CONCRETE_SHARE or (s.concrete < CONCRETE_FEW and not s.figures)):
        return s
    return None
