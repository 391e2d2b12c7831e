"""Whether a reply to a follow-up gave what the probe asked for, read in the reply alone.

A question's card after a follow-up is the whole story joined (coach/interview/question_card.py): that is how a
story is judged, but it keeps a gap measured over the whole story open after the probe was answered. Told "what did
you personally do?", a candidate who answers "I sat with him twice a week and wrote the checklist" has answered it,
though the story's first minute is still all "we"; asked again, the candidate hears a question already answered.
The same holds for a wrong figure: the joined story still holds it after the candidate worked it again. So these two
gaps close once a reply to their probe shows, by the scorer's own signs, what the probe asked for: steps told in
"I", a figure worked again, another option named with its reason or price (told "what alternative did you
consider?", "we looked at two vendor tools; they'd have been live in two weeks but cost forty thousand a year" has
answered, though the story's first telling weighed nothing), and a measured outcome told in a sentence that is no
further step (told "how much damage did it do?", "roughly forty thousand dollars of lost evening sales" has answered,
though the reply goes on to the check added the week after). A dodge ("I don't remember") closes nothing. The other
gaps are read on the joined story as they should be: a result still not told after "what came of it?" (more steps,
no measure) may be asked for once more.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.content.answer_words import phrases
from coach.scoring.numbers import find_numbers
from coach.scoring.star_cues import I_WORD, WE_WORD


@lru_cache(maxsize=1)
def _alternative() -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, phrases("taken_up", "alternatives"))) + r")(?![a-z])")


def weighs_another(reply: str) -> bool:
    """Does the reply weigh another option: one the scorer reads as a trade-off, or one named in the words of
    `[taken_up] alternatives` with a reason or a price beside it?"""
    from coach.scoring.gaps import gives_a_reason
    from coach.scoring.signals import tradeoff_evidence
    from coach.scoring.text import clean, sentences

    low = " ".join(reply.lower().replace("\u2019", "'").split())
    if tradeoff_evidence(sentences(clean(reply))):
        return True
    return bool(_alternative().search(low)) and gives_a_reason(low)


# The gaps whose probe a reply can be read to answer or dodge (`takes_up`).
READ = frozenset({"we_not_i", "bad_math", "no_tradeoff", "no_result"})


def takes_up(gap: str, reply: str) -> bool:
    """Does `reply`, the answer to a follow-up on `gap`, give what that follow-up asked for?"""
    low = reply.lower()
    if gap == "we_not_i":          # the candidate's own part, told in "I"
        mine = len(I_WORD.findall(low))
        return mine >= 1 and mine >= len(WE_WORD.findall(low))
    if gap == "bad_math":         # the figure worked again: the first one still stands in the joined story
        return bool(find_numbers(reply))
    if gap == "no_tradeoff":      # another option, with what it offered or cost
        return weighs_another(reply)
    if gap == "no_result":        # how it ended, with its size: a sentence that measures something and is no step
        return measures_the_end(reply)
    return False


# A measured outcome says what it measures: a bare figure ("three", "about 40") is no outcome told.
MEASURED_WORDS = 5


def measures_the_end(reply: str) -> bool:
    """Does the reply tell a measured outcome: a sentence with a measure in it ("roughly forty thousand dollars of
    lost evening sales", "recall was back to about 0.6") that is not one more step of the story ("I spent two more
    weeks on it")? Told "how much damage did it do?", that reply has answered, though the joined story ends on the
    step the candidate added after it."""
    from coach.scoring.star_cues import _MEASURE
    from coach.scoring.story_outcome import is_step
    from coach.scoring.text import clean, sentences

    return any(len(s.text.split()) >= MEASURED_WORDS and _MEASURE.search(s.text.lower()) and not is_step(s.text)
               for s in sentences(clean(reply)))

