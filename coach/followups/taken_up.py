"""Whether a reply to a follow-up gave what the probe asked for, read in the reply alone.

A question's card after a follow-up is the whole story joined (coach/interview/question_card.py): that is how a
story is judged, but it keeps a gap measured over the whole story open after the probe was answered. Told "what did
you personally do?", a candidate who answers "I sat with him twice a week and wrote the checklist" has answered it,
though the story's first minute is still all "we"; asked again, the candidate hears a question already answered.
The same holds for a wrong figure: the joined story still holds it after the candidate worked it again. So these two
gaps close once a reply to their probe shows, by the scorer's own signs, what the probe asked for: steps told in
"I", a figure worked again. A dodge ("I don't remember") closes nothing. The other gaps are read on the joined story
as they should be: a result still not told after "what came of it?" may be asked for once more.
"""
from __future__ import annotations

from coach.scoring.numbers import find_numbers
from coach.scoring.star_cues import I_WORD, WE_WORD


def takes_up(gap: str, reply: str) -> bool:
    """Does `reply`, the answer to a follow-up on `gap`, give what that follow-up asked for?"""
    low = reply.lower()
    if gap == "we_not_i":          # the candidate's own part, told in "I"
        mine = len(I_WORD.findall(low))
        return mine >= 1 and mine >= len(WE_WORD.findall(low))
    if gap == "bad_math":         # the figure worked again: the first one still stands in the joined story
        return bool(find_numbers(reply))
    return False
