"""Detection forms met in held-out 21, each with fresh wordings: a long statement said with a rising voice is not an
ask, a time check with nothing after it is about the interview, a dropped "do you" still offers the candidate's own
material, a need named as of use or as a thing one has no picture of is asked, a negative tag mid-sentence hands
the fact over, and an afterthought question at the end of a long design turn waits for the answer."""
import pytest

from coach.interview import clarify
from coach.interview.clarify_cues import default_cues
from coach.interview import clarify_forms as forms
from coach.interview.clarify_text import tokens

ASKED = [
    # the knowing named as of use, said of the knowing itself
    "It would be helpful to know whether the ratings come from every rider or just a sample of them on a normal week.",
    "i'd find it handy to know whether the ratings come from every rider or just a sample",
    # an unknown named as a thing one has no picture of
    "What I have no picture of at all is how many of the listings change price in a given day and how often.",
    # a negative tag mid-sentence, then more of the same fact
    "the fraud team gets the last word on blocks doesn't it so once they mark a card it stays blocked whatever my "
    "score says",
    # an afterthought question after long design talk
    "the trainer reads shards from object storage, checkpoints every thousand steps and resumes on the same mesh "
    "when a node dies, oh and is the storage bucket in the same region as the cluster or across the ocean",
    # not a rising statement: a clause opens on its verb, or "is that" inverts
    "Quick one: are the delivery addresses ever missing a postcode, like a new build not yet on the map?",
    "The thirty thousand queries a second, is that the daily peak or the holiday peak across every region?",
]

NOT_ASKED = [
    # a long statement whose only sign of asking is the "?"
    "Events land in Kafka, a Flink job keeps rolling counts per merchant, and the scorer reads them from Redis?",
    "the embeddings get rebuilt every night from the click log and pushed to the ANN index behind a version flag?",
    "eight hundred thousand uploads a day over eighty six thousand seconds comes out near ten a second at the mean?",
    "at my old team we moved the ranker onto GPUs and the p95 fell from ninety milliseconds to twenty?",
    # a time check with nothing after it, or the speaker going on
    "sorry, how long do we have, I could spend a while on the rollout plan",
    "how much time have we got left?",
    # "do you" dropped: the candidate offers their own material
    "I can talk about the migration or the outage. Want the outage one?",
    "Prefer the short version?",
    # an afterthought the candidate answers in the same breath stays design talk
    "so i'd shard the index by region and keep a hot replica per zone with the ranker on cpu behind it, oh and is "
    "a cache worth it, probably not at this hit rate so i'd skip it",
]


@pytest.mark.parametrize("turn", ASKED)
def test_these_wordings_are_asked(turn: str) -> None:
    assert clarify.is_clarification(turn), turn


@pytest.mark.parametrize("turn", NOT_ASKED)
def test_these_wordings_are_not_asked(turn: str) -> None:
    assert not clarify.is_clarification(turn), turn


def test_a_time_check_with_more_after_it_asks_the_deadline() -> None:
    assert not forms.asks_time_left(tokens("how long have we got to return the page"))
    assert not forms.asks_time_left(tokens("how long do we have before the labels arrive"))
    assert forms.asks_time_left(tokens("how long have we got left"))


def test_a_short_statement_with_a_rising_voice_is_still_read_as_asked() -> None:
    cues = default_cues()
    raw = "the labels come from chargebacks?"
    assert not forms.rising_statement(raw, tokens(raw), cues)
    assert clarify.is_clarification(raw)
