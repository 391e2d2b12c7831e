"""Red flags the rubrics name in people rounds, each a cost or a cap on the rubric level: putting the fault on
others, running down the current employer, and a level claimed instead of shown. coach/scoring/levels.py reads a
story's blame; coach/scoring/calibrate.py applies a plan's red flags after it is read and the claimed level last.
"""
from __future__ import annotations

import re
from typing import Any

_F = re.IGNORECASE


# Putting the fault on others (or a sweeping judgement of them), the rubric's red flag in a story about a mistake or a conflict: "the review process
# should have caught it", "it wasn't my fault", "you can never trust other people's tests".
_BLAME = re.compile(r"\b([a-z']+) (?:should|could) have (?:caught|noticed|flagged|checked|tested|told|warned|stopped|"
                    r"spotted|known)\b|\b(?:not|wasn'?t|isn'?t|was not|is not) (?:really |entirely )?my fault\b|"
                    r"\b(?:their|his|her|someone else'?s|the other team'?s) fault\b|\bnever trust (?:other|anyone)|"
                    # a sweeping judgement of others, or gloating: "leadership always chases whatever is trendy",
                    # "they just didn't care about quality", "which kind of proved my point"
                    r"\b(?:leadership|management|execs|executives|product|they|the business|that team|the other team|"
                    r"the data team|those people|(?:product|data|platform|business|sales|other) (?:engineers|people|"
                    r"teams|folks|managers))(?:,? in my experience,?|,? in general,?)? (?:always|never|just|(?<=experience )only|"
                    r"(?<=experience, )only|(?<=general )only|(?<=general, )only|usually|generally|simply|"
                    r"honestly|frankly|really) (?:chases?|chased|cares?|cared|listens?|"
                    r"listened|thinks?|wants?|ignores?|ignored|(?:doesn'?t|don'?t|didn'?t|did not|do not|does not) "
                    r"(?:care|listen|bother|understand|get it|want to (?:engage|listen|hear|understand|know)))\b|"
                    # a verdict on a whole group: "the data engineering group there was frankly not competent",
                    # "the platform team never took ownership of it"
                    r"\b(?:leadership|management|execs|executives|the (?:[a-z-]+ ){0,3}(?:team|group|department|org)"
                    r"(?: there| here)?) (?:(?:was|were) (?:frankly |honestly |simply |just )?(?:not competent|incompetent|"
                    r"useless|hopeless|clueless)|(?:always|never) (?:took|take|takes|owned|owns|fixed|fixes|followed|"
                    r"follows|bothered|delivered|delivers|admitted|admits))\b|"
                    # any named team written off: "the data engineering team there just did not care about quality"
                    r"\bthe (?:[a-z-]+ ){1,3}(?:team|group|department|org)(?: there| here)? (?:just|simply|honestly|frankly) "
                    r"(?:did not|didn'?t|does not|doesn'?t|do not|don'?t|never) (?:really )?(?:care|cared|listen|listened|"
                    r"bother|bothered)\b|"
                    r"\bproved my point\b|\bi told (?:them|him|her|you) so\b|"
                    # the outcome disowned: "listening time dropped, but that was their decision, not mine"
                    r"\b(?:their|his|her|the (?:[a-z-]+ ){0,2}team'?s) (?:decision|call|choice|problem),? not (?:mine|ours)\b|"
                    # asking without understanding: "product teams often ask for these things without understanding
                    # what goes into a model"
                    r"\b(?:they|product|the business|leadership|management|(?:product|data|platform|business|sales|"
                    r"other) (?:engineers|people|teams|folks|managers)) (?:often |always |usually |just |tend to )?"
                    r"(?:ask|asks|want|wants|demand|demands|push|pushes)\b[^.]{0,40}?\bwithout (?:really |even )?"
                    r"(?:understanding|knowing|thinking)\b", _F)
BLAME_COST = 0.75
# Running down the current manager or employer in a view of one's own job ("my current manager does not really
# understand machine learning", "the company has been a bit of a mess since the reorganisation"): the people rounds'
# pitfall ("complaining about the current employer"), costed like blame in a plan. A story's scene may say the same of
# a partner it then wins over, so stories are not read for it.
_DISPARAGE = re.compile(
    r"\b(?:my|our) (?:current |old |former |previous |last |direct )?(?:manager|boss|company|employer|leadership|"
    r"management|director|skip[- ]level|org) (?:(?:is|was|are|were) [\w' ]{1,30}? and )?(?:does not|doesn'?t|did not|didn'?t|do not|don'?t|has never|have never|"
    r"never) (?:really |even |actually |fully |truly )?(?:understands?|understood|knows?|cares?|cared|gets?|listens?|"
    r"values?)\b|"
    r"\b(?:my|our) (?:current |direct )?(?:manager|boss|skip[- ]level|director) (?:is|was) (?:not|n't) (?:really |very |at all )?"
    r"technical\b|"
    r"\b(?:my|our) (?:current |direct )?(?:manager|boss|leadership|management|director) (?:has|have) no (?:real |actual )?"
    r"(?:grasp|understanding|idea|clue)\b|"
    r"\b(?:the|my|our|this) (?:current )?(?:company|place|org|organi[sz]ation|employer|leadership|management) (?:has been|is|was|"
    r"had been) (?:(?:a bit|kind|sort|frankly|honestly|just|really|totally|such|quite|pretty much) (?:of )?)*(?:a )?"
    r"(?:mess|disaster|joke|chaos|circus|shambles|dysfunctional|toxic|hopeless)\b|"
    r"\bpeople who (?:have never|never|don'?t|do not) (?:\w+ ){0,2}(?:trained|built|shipped|understood|understand) "
    r"(?:a|any|an) (?:model|system|line of code)\b|"
    # the same said of the place the speaker works now, named by where they are: "where I am now it's honestly kind of
    # a mess", "the leadership there does not really understand ML"
    r"\b(?:where i(?:'m| am)? (?:now|currently|at the moment)|(?:at|in) my (?:current )?(?:job|role|company|team|place))"
    r"\b[^.]{0,40}?\b(?:a (?:mess|disaster|shambles|circus|joke)|chaos|chaotic|toxic|dysfunctional)\b|"
    r"\bthe (?:leadership|management|company|org|execs|executives) (?:there|here) (?:(?:is|are|was|were) [\w' ]{1,30}? and )?"
    r"(?:does not|doesn'?t|did not|didn'?t|do not|don'?t|never) (?:really |even |actually )?(?:understands?|understood|"
    r"knows?|cares?|gets?|listens?|values?)\b", _F)


# The words of a grievance against the place one works ("the culture has become political", "passed over for
# promotion", "underpaid", "my manager takes credit"): one may set a scene, two or more make the answer a complaint,
# the people rounds' pitfall, costed like running the employer down. In the graded set every answer with any of them
# is graded 1 or 2.
_GRIEVANCE = re.compile(r"\b(?:political|politics|toxic|micromanag\w*|takes? (?:the |all the )?credit|took (?:the |all the )?"
                        r"credit|passed over|below (?:the )?market|underpaid|lost its way|chaotic|dysfunctional|"
                        r"(?:not|never) (?:valued|appreciated|recogni[sz]ed)|undervalued|(?:doesn'?t|does not|don'?t|do not) "
                        r"(?:value|appreciate|recogni[sz]e) (?:its |their |the )?(?:engineers|people|staff|work)|frustrat\w*|"
                        r"bureaucra\w*|stagnat\w*|(?:a bit |pretty |really |quite |so )?bored\b|nobody listens|no one listens|"
                        # pay held back, and the blame taken for someone else's failure
                        r"(?:has not been|hasn'?t been|have not had|haven'?t had|not had|no|never got) a (?:pay )?raise|"
                        r"(?:they|management|leadership|everyone) (?:of course )?blamed (?:the model|us|me|my team|our team)|(?:never|don'?t|do not|doesn'?t|does not) "
                        r"listen to (?:engineers|us|anyone))\b", _F)
GRIEVANCES = 2


def is_grievance(text: str) -> bool:
    """Whether a sentence holds a grievance phrase ("there has not been a raise in two years")."""
    return _GRIEVANCE.search(text) is not None


def grievances(text: str) -> tuple[str, ...]:
    """The distinct grievance phrases of an answer with GRIEVANCES or more of them; () otherwise."""
    found = tuple(sorted({m.group(0).lower() for m in _GRIEVANCE.finditer(text)}))
    return found if len(found) >= GRIEVANCES else ()


# A milder verdict on a whole team ("that team was just not very strong"): blame unless the speaker then helps them
# ("... on infra, so I paired with them for a month")
_WEAK_VERDICT = re.compile(r"\b(?:that |the (?:[a-z-]+ ){0,3})(?:team|group|department)(?: there| here)? (?:was|were|is|are) "
                           r"(?:frankly |honestly |simply |just |really )?not (?:very |that |particularly |all that )?"
                           r"(?:strong|good|competent|capable)\b", _F)
_HELPED_AFTER = re.compile(r"^[^.;!?]{0,60}\b(?:so|and|but) (?:i|we) (?:paired|helped|offered|spent|worked|trained|taught|"
                           r"sat|coached|mentored|invested)\b", _F)


def blame(text: str) -> str:
    for m in _BLAME.finditer(text):
        if (m.group(1) or "").lower() not in ("i", "we", "i'd", "we'd", "i'll"):
            return m.group(0)
    for m in _WEAK_VERDICT.finditer(text):
        if not _HELPED_AFTER.match(text[m.end():]):
            return m.group(0)
    return ""


def plan_red_flags(a: Any, t: Any) -> None:
    """A plan or view that writes the partner off or runs down the current employer: the rubric's red flag, costed
    after the plan is read (also when it is answered with a story of their own work)."""
    found = blame(a.text)
    if found:                         # a plan that writes the partner off is the rubric's red flag as much as a story
        t.add(-BLAME_COST, f'puts the fault on others ("{found}")')
    elif (run_down := _DISPARAGE.search(a.text)) is not None:
        t.add(-BLAME_COST, f'runs down the current employer ("{run_down.group(0)}")')
    elif found_grievances := grievances(a.text):
        t.add(-BLAME_COST, f'a list of grievances ({", ".join(found_grievances[:3])})')


# The level claimed instead of shown: "my manager says I am basically operating at staff level already, the title has
# not caught up". With most of the question's points missed, the claim is all the evidence there is: the people
# rounds' red flag of asserting seniority, held at CLAIMED_CAP.
_CLAIMED_LEVEL = re.compile(r"\b(?:operating|working|performing|functioning) at (?:the |a )?(?:staff|principal|that|this) "
                            r"level\b|\b(?:i am|i'm) (?:basically |essentially |effectively )*(?:a )?(?:staff|principal)"
                            r"(?: engineer)? already\b|\btitle (?:has not|hasn'?t|just hasn'?t|has yet to) (?:caught|catch) up\b",
                            _F)
CLAIMED_CAP = 2.0


def claimed_level(a: Any, t: Any) -> None:
    if not (a.points.total and 2 * len(a.points.covered) < a.points.total and t.level > CLAIMED_CAP):
        return                          # (the answer is searched for the claim only where the claim would count)
    claim = _CLAIMED_LEVEL.search(a.text)
    if claim:
        t.set(CLAIMED_CAP, f'claims the level ("{claim.group(0)}") and misses most of what shows it: at most')


# A safeguard the speaker skipped, told as how the work got done ("pushed it to production without telling the team,
# because the review would have taken two weeks", "I did not run the full evaluation, because int8 is known to be
# close to lossless"): the judgement a strong interviewer listens for in any story. Told as a mistake owned ("that
# was my mistake", "looking back I should have", "since then I always"), it is what the story is about, not a flag.
_SKIPPED = re.compile(
    r"\bwithout (?:telling|informing|consulting|looping in|checking with|warning) (?:the team|anyone|anybody|"
    r"my (?:manager|lead|team|boss)|the (?:other |[a-z]+ )?team|them|him|her)\b|"
    r"\b(?:i|we) (?:just |simply |basically )?(?:skipped|bypassed|went around|got around|skipped over) (?:the |our |their |"
    r"a )?(?:code |design |model |usual |normal |whole |legal |privacy |fairness |security |compliance |launch |risk )?"
    r"(?:review|reviews|tests|testing|test suite|evaluation|evals?|approval|sign-?off|process|canary|qa|checks?)\b|"
    # a check chosen away to save time: "I decided to skip the per-category evaluation", "I also left out the drift
    # alerts for the new catalogue"
    # (or had the team drop it: "I had my team drop the fairness analysis we had planned")
    r"\b(?:i|we)(?: had (?:my|our|the) (?:[a-z-]+ )?team)? (?:also |just |simply )?(?:decided to |chose to |agreed to |had to )?"
    r"(?:skip|left out|leave out|dropped|drop) "
    r"(?:the |our |all the |any )?(?:[a-z-]+ ){0,2}(?:review|reviews|tests|testing|test suite|evaluation|evals?|approval|"
    r"sign-?off|canary|qa|checks|alerts|alerting|monitoring|analysis|analyses|audit)\b|"
    # the safeguard waved off as a formality before going round it: "I figured the review was mostly a formality"
    r"\b(?:review|tests?|testing|evaluation|sign-?off|approval|canary|checks?|analysis|audit)s? (?:was|were|is|seemed|felt|"
    r"would be) (?:just |mostly |only |really |basically |more or less |a bit of |kind of |sort of )?(?:a formality|a "
    r"rubber stamp|overkill|unnecessary|not needed|a waste of time|box-ticking|a box to tick|red tape)\b|"
    # (whatever words name which check: "I also did not wait for the second review of the label join")
    r"\b(?:i|we) (?:also |just |then )?(?:did not|didn'?t|never|chose not to|decided not to) (?:bother to )?(?:run|do|"
    r"wait for|get) (?:the |a |any |our |their )?(?:[a-z-]+ ){0,2}?(?:evaluation|eval|tests?|test suite|"
    r"review|a/?b test|canary|sign-?off|approval)\b(?! (?:comments?|results?|feedback|notes|invites?)\b)|"
    # the skip told as the way round it: "I deployed it myself rather than going through the usual review"
    r"\b(?:rather than|instead of|without) (?:going through|waiting for|bothering with) (?:the |a |our |any |their )?"
    r"(?:usual |normal |full |proper |regular |standard )?(?:code |design |model |release |change )?(?:review|reviews|"
    r"tests|testing|test suite|evaluation|evals?|approval|sign-?off|canary|qa)\b|"
    # the owner of the broken thing never told: "I didn't really bother the platform team about it"
    r"\b(?:i|we) (?:did not|didn'?t|never) (?:really |even |actually )?(?:bother(?:ed)?|tell|told|inform|warn|loop in|"
    r"raise (?:it|this|that) with|flag (?:it|this|that) to) (?:the|their|that) (?:[a-z-]+ ){0,2}(?:team|owners?)\b|"
    # the check was ready, the deadline came first: "I had the full run set up, but it took two days and the review
    # was on Friday, so I switched production over on the Thursday"
    r"\b(?:evaluation|eval|evals|tests?|test suite|review|canary|benchmark|backtest|replay|shadow|a/?b test|"
    r"run)\b[^.;]{0,80}?\bbut "
    r"(?:it |that |this |they |the [a-z-]+ )?(?:took|would take|would have taken|needed|was going to take|"
    r"(?:was|were)n'?t (?:done|ready|finished)|(?:was|were) not (?:done|ready|finished))\b[^.;]{0,100}?\bso (?:i|we) "
    r"(?:just |went ahead and |instead )?(?:switched|shipped|launched|deployed|released|pushed|rolled|put|turned|"
    r"went live|cut over|moved)\b|"
    # a check someone else proposed, waved off: "one of the engineers wanted to put a profiler on it first, but I said
    # the numbers already showed it"
    r"\b(?:wanted|suggested|proposed|asked|offered) to (?:first )?(?:profile|measure|test|check|benchmark|verify|"
    r"validate|instrument|trace|run (?:a |the |an )?(?:test|check|profiler?|benchmark|evaluation|backtest|replay)|"
    r"put (?:a|the) (?:profiler|trace|check|test))\b[^.;]{0,80}?\bbut (?:i|we) (?:said|told|decided|insisted|overruled|"
    r"argued|thought)\b", _F)
_OWNED = re.compile(
    r"\b(?:my mistake|(?:that|it|this) was (?:a |my |the )?(?:mistake|wrong|wrong call|bad call|error)|i should have|"
    r"i shouldn'?t have|we should have|in hindsight|looking back|the lesson|i learned|i learnt|taught me|since then(?!,? (?:she|he|they)\b)|"
    r"next time|never again|i regret|i was wrong|i owned (?:it|that|the mistake)|i'?d (?:never|not) do that again|"
    r"i apologi[sz]ed|now (?:any|every|each|all) (?:[a-z-]+ ){0,6}(?:goes|go|get|gets|has|have|must|needs?) )\b", _F)
SKIPPED_CAP = 2.0       # the parts of a story are there; the judgement is not


# The skip told with a pronoun for the check named just before it: "we normally run a backtest before any release
# ... it looked pretty similar, so I figured the old patterns would carry over and I skipped it".
_SKIPPED_IT = re.compile(r"\b(?:i|we) (?:just |simply |basically |then |also )?(?:skipped|dropped|bypassed|left out|"
                         r"decided to skip|chose to skip) (?:it|that|this|them|that step|this step)\b", _F)
_SAFEGUARD = re.compile(r"\b(?:review|tests?|testing|test suite|evaluation|evals?|backtests?|backtesting|canary|sign-?off|"
                        r"qa|approval|replay|shadow run|dry run|validation)\b", _F)
SKIPPED_IT_REACH = 300      # characters before the pronoun in which the check it stands for is named


# A mistake owned in words that own it wherever they are said ("that was my mistake", "I should have waited"); a lesson
# opener ("what I learned", "looking back", "since then") owns a skip only in a sentence that names the skipped check
# or calls the call wrong: "what I learned is that pushing back is about picking your battles" owns nothing.
_OWNED_OUTRIGHT = re.compile(
    r"\b(?:my mistake|(?:that|it|this) was (?:a |my |the )?(?:mistake|wrong|wrong call|bad call|error)|i should have|"
    r"i shouldn'?t have|we should have|we shouldn'?t have|never again|i regret|i was wrong|i owned (?:it|that|the mistake)|"
    r"i'?d (?:never|not) do that again|i apologi[sz]ed)\b", _F)
_SELF_CRITICAL = re.compile(r"\b(?:mistake|wrong|shouldn'?t|regret|shortcuts?|corners?|rush\w*|skip\w*|bypass\w*|"
                            r"wait(?:ed|ing)?|risky|careless|formality|process)\b", _F)
_SAFEGUARD_NOUN = re.compile(r"\b(?:review|reviews|tests?|testing|evaluation|evals?|approval|sign-?off|canary|qa|checks?|"
                             r"alerts?|alerting|monitoring|analysis|audit|legal|privacy|fairness|security|compliance)\b", _F)


def _owns(text: str, skipped: str) -> bool:
    """Whether the answer owns the skip: outright, or in a lesson sentence that names what was skipped (one of the
    safeguard words of `skipped`) or calls the call wrong."""
    if _OWNED_OUTRIGHT.search(text):
        return True
    named = {w.lower() for w in _SAFEGUARD_NOUN.findall(skipped)}
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        put_in = {w.lower() for w in _SAFEGUARD_NOUN.findall(sentence)}
        # the lesson names the check skipped, or (a skip of no named check: "without telling the ranking team") puts
        # a check in its place ("now any change to a shared log goes through a short review with its readers")
        if _OWNED.search(sentence) and (_SELF_CRITICAL.search(sentence) or named & put_in or (not named and put_in)):
            return True
    return False


def safeguard_skipped(text: str) -> str:
    """The words where the speaker skipped a review, a test, an evaluation or telling the team, when the answer never
    owns it as a mistake (`_owns`); "" otherwise."""
    if not _SKIPPED.search(text) and not _SKIPPED_IT.search(text):
        return ""
    for m in _SKIPPED_IT.finditer(text):
        lo = max(0, m.start() - SKIPPED_IT_REACH)
        if _SAFEGUARD.search(text, lo, m.start()):
            return "" if _owns(text, text[lo:m.end()]) else m.group(0)     # (the check "it" stands for is named)
    for m in _SKIPPED.finditer(text):
        if not m.group(0).lower().startswith("without"):
            return "" if _owns(text, m.group(0)) else m.group(0)
        # "they would push a change without telling anyone": the speaker is not the one who skipped it
        before = re.split(r"[.;!?]", text[:m.start()])[-1]
        actors = _ACTOR.findall(before)
        if actors and actors[-1].lower() in ("i", "we"):
            return "" if _owns(text, m.group(0)) else m.group(0)
    return ""


_ACTOR = re.compile(r"\b(i|we|they|he|she|(?:the|their|that) (?:[a-z-]+ )?(?:team|group|engineers?))\b", _F)
