"""The cues behind the STAR sentence labels (coach/scoring/star.py): patterns of a sentence's shape, each with a
weight. Every pattern is lowercase and runs on lowercased text."""
from __future__ import annotations

import re

from coach.content.answer_words import phrases as _phrases

_F = 0          # every pattern is lowercase and runs on lowercased text: much faster than re.IGNORECASE

_ACTION_VERBS = (
    r"built|build|designed|led|proposed|convinced|wrote|implemented|introduced|set up|created|migrated|refactored|"
    r"added|ran|started|decided|pushed|drove|analy[sz]ed|profiled|benchmarked|prototyped|rewrote|replaced|"
    r"organi[sz]ed|negotiated|mentored|partnered|reached out|talked|spoke|met|dug|investigated|found|noticed|"
    r"identified|chose|picked|split|moved(?! on\b)|trained|retrained|tuned|deployed|automated|documented|presented|"
    r"escalated|brought|pulled|sat down|coordinated|got|made|took|kicked off|sketched|scoped|broke|hired|debugged|"
    r"fixed|instrumented|measured|put together|framed|aligned|asked|suggested|argued|showed|shared|rolled|switched|"
    r"removed|cut|simplified|reworked|redesigned|defined|established|launched|interviewed|walked|traced|mapped|"
    r"paired|quantized|distilled|tested|evaluated|compared|handed|wrote up|volunteered|owned|shipped|dropped|set|"
    r"went with|looked|tried|used|worked|helped|reviewed|planned|convened|ran|gave|turned|replaced|pitched|"
    r"de-?risked|backtested|labell?ed|collected|cleaned|merged|refused|pushed back|flagged|raised|spent|read|"
    r"considered|estimated|explained|delegated|counted|offered|joined|held|hold|switched|opened|posted|saw|"
    r"paired|wrote|added|picked|negotiated|showed|took|counted|rebuilt|wired|reran|replayed|spread")
# Irregular past forms: with "I" / "we" in front, a past-tense verb is an act (tense, not a phrase list).
_IRREGULAR_PAST = (r"put|sat|ran|took|made|wrote|built|got|gave|found|brought|went|saw|told|spent|kept|drew|chose|led|"
                   r"met|read|set|cut|sent|held|began|broke|caught|dug|fought|laid|left|lent|let|lost|paid|rode|rose|"
                   r"said|sold|shot|shut|spoke|stood|stuck|struck|swept|taught|threw|won|wound|did|flew|fed|bought|"
                   r"hid|hit|rebuilt|rewrote|reran|undid|withdrew|oversaw|upheld")
_IRREGULAR_PAST = _IRREGULAR_PAST.replace("|did|", r"|did(?! not\b| never\b)|")   # "I did not see any problem": no act
# Verbs in -ed that state a wish, a feeling or a duty rather than an act ("I needed to", "I was asked").
_STATE_ED = r"needed|wanted|liked|loved|hated|hoped|believed|seemed|used|supposed|expected|worried|assumed|figured"
NOT_PAST_ED = r"need|feed|speed|seed|proceed|exceed|succeed|embed|indeed|shed|hundred"     # end in -ed, are not past
# ("we moved on to other work" leaves the problem: no step on it)
_PAST_VERB = rf"(?:(?!(?:{_STATE_ED}|{NOT_PAST_ED})\b|moved on\b)[a-z][a-z-]{{1,}}ed|{_IRREGULAR_PAST})"
_SAME_IN_PRESENT = ("put", "set", "cut", "read", "let", "hit", "shut", "spread")   # no tense on their own
_I = r"\bi(?:\s+(?:also|then|first|personally|actually|eventually|finally|quickly|basically|just|initially|even|" \
     r"immediately|carefully|myself|mostly|only|simply|later|again|still|soon)){0,2}\s+"
# One first-person step in the past: "i profiled", "we moved", "and i convinced".
ACT_CLAUSE = re.compile(rf"\b(?:i|we)\s+(?:also |then |first |personally |eventually |finally )?{_PAST_VERB}\b", _F)
# The same step told by the speaker alone: "i rolled it back", "and i also wrote the check".
I_ACT_CLAUSE = re.compile(rf"\bi\s+(?:also |then |first |personally |eventually |finally )?{_PAST_VERB}\b", _F)
SITUATION = [
    (re.compile(r"\bat (?:a|the|my|our|one) [a-z -]{0,20}(?:startup|company|job|firm|bank|employer|team)\b", _F), 2.5),
    (re.compile(r"\b(?:at|in|on) (?:my|our) (?:last|previous|prior|old|current|first|former) (?:company|job|role|team|"
                r"employer|startup|position|gig)\b", _F), 2.5),
    (re.compile(r"\bwhen i (?:was|joined|started|first)\b", _F), 2.0),
    # an opening "when I took over / inherited / joined X" dates the story from the speaker's arrival: the setting,
    # whatever verb follows in speech without a comma ("so um when I took over the platform on-call was ...")
    (re.compile(r"^(?:(?:so|and|um|uh|well|okay)\W+)*when i (?:took over|inherited|joined|arrived)\b", _F), 2.6),
    (re.compile(r"\b(?:a few|two|three|four|couple of|several|many) (?:years|months) ago\b|\blast (?:year|quarter|"
                r"summer|spring|fall|autumn|winter)\b(?!'s)|\bback (?:in|when)\b|\bat the time\b", _F), 2.0),
    (re.compile(r"\bi was (?:a|an|the) [a-z -]{0,30}(?:engineer|lead|scientist|manager|owner|member|ic|tl)\b", _F),
     2.0),
    (re.compile(r"\b(?:we|they|it|the team|the model|the system|our team) (?:was|were|had been) (?:seeing|getting|"
                r"struggling|running|using|losing|dealing|having|facing|stuck|shipping|moving|working|building|"
                r"drifting|growing)\b", _F), 2.0),
    (re.compile(r"\b(?:the|our) (?:problem|issue|context|background|situation|challenge) (?:was|is)\b", _F), 2.0),
    (re.compile(r"\b(?:we had|we owned|there was|there were|the team was|the team had|our team|we were|"
                r"the company|our system|our product|nobody|everyone|every team)\b", _F), 1.0),
    # a trouble that kept recurring is context: "we kept having the same problem where ..."
    (re.compile(r"\b(?:we|they|teams|the team|people) kept (?:having|hitting|getting|seeing|running into|breaking|"
                r"losing)\b", _F), 2.0),
    (re.compile(r"\b(?:used to|kept (?:breaking|failing|timing out|having)|was getting|were getting|"
                r"complain(?:ed|ing|ts))\b", _F), 1.5),
    (re.compile(r"\b(?:i'?m|i am) (?:currently |now )?(?:a|an|the) [a-z -]{0,30}(?:engineer|lead|scientist|manager)\b|"
                # (not a superlative inside a reason: "because rebalancing is the largest expense")
                r"\bright now i'?m\b|(?<!is )(?<!was )(?<!are )(?<!were )\bthe (?:largest|biggest|system i (?:owned|led|"
                r"built)|hardest decision)\b", _F), 2.0),
    (re.compile(r"^(?:(?:about|around) [a-z ]{0,25}, )?(?:our|my|the|a|an|every|three|two|four|five|six) [a-z -]{0,40}?"
                r"(?:had|ran|was|were|used|kept|wanted|served|scored|broke|started|retrained|came|took|handled)\b", _F),
     1.2),
    # "I" inside a relative clause, the main verb after it: "one of the engineers I led had missed ..."
    # (not a pseudo-cleft naming the speaker's own step: "what i suggested was ...", "all i did was ...")
    (re.compile(r"(?<!\bwhat )(?<!\ball )\b(?:i|we) (?:[a-z]+ed|built|led|ran|joined)(?: on| with| for| in)? "
                r"(?:um |uh )?(?:was|were|is|are|had|has)\b", _F), 2.7),
    # backstory in the past perfect: "the bill had doubled", "two teams had stopped talking"
    # (not inside a relative or time clause: "the customers who had been charged twice", "until they had been retried")
    (re.compile(r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )(?<!\buntil )(?<!\bwhat i )(?<!\bwhat we )"
                r"\bhad (?:already |just |quietly |slowly )?(?:been|become|grown|gone|risen|fallen|crept|[a-z]+ed)\b",
                _F), 2.0),
    # a belief held before the story turned ("I was sure the model was too small, and I argued for a bigger one"),
    # the frame of a story ("the worst one was when I retrained ..."), how success was measured: the setting
    (re.compile(r"^(?:(?:so|and|well|um|uh)\W+)*i (?:was|had been) (?:\w+ )?(?:sure|convinced|certain|confident|positive)"
                r" (?:that|it|the|we|our|this)\b|\b(?:the|my|our) (?:worst|best|biggest|hardest|toughest|first|last)?"
                r" ?(?:one|time|case|mistake|call|example)? was when (?:i|we)\b|\b(?:we|i) (?:measured|defined|judged) "
                r"success (?:by|as)\b|\bsuccess (?:was|meant) (?:measured )?(?:by|as)?\b", _F), 2.6),
    (re.compile(r"\bthe (?:project|system|model|problem|story|time) (?:i|we)(?:'d| would)? (?:want|like|'d like) to "
                r"(?:talk about|go deep on|walk (?:you )?through|discuss|describe)\b", _F), 2.0),
    # the speaker's arrival, dated, is where the story is set, whatever they came to do: "I joined five years ago to
    # build the pricing model, and I still own it"
    (re.compile(r"^(?:(?:so|and|um|uh|well|okay)\W+)*i (?:joined|started|arrived)(?: [a-z-]+){0,4}? (?:a|one|two|three|"
                r"four|five|six|seven|eight|nine|ten|a few|a couple of|several|\d+) (?:years?|months?) ago\b", _F), 2.6),
    # an argument under way before the speaker's step is the conflict the story is about: "in the planning meetings we
    # went back and forth for weeks, and he would not accept ..."
    (re.compile(r"\b(?:we|they) (?:went|kept going) back and forth\b|\bwe (?:argued|disagreed|debated) (?:about it |over it )?"
                r"for (?:weeks|months|days)\b", _F), 2.0),
]
# The limits of the speaker's authority: "no authority over", "with no team reporting to me", "neither of us could
# overrule the other", "I could not just order them to".
AUTHORITY_LIMIT = re.compile(r"\bno (?:formal |real |direct )?authority\b|\bwithout (?:any |formal |real )?authority\b|"
                             r"\b(?:no|none of the|nobody|no one|no team|no teams|not one) (?:[a-z-]+ ){0,3}?reporting to me\b|"
                             r"\b(?:did not|didn't|don't|do not) report to me\b|"
                             # "with no line over the other teams", "I had no say over their roadmaps"
                             r"\b(?:i had|i have|with) no (?:formal |direct |reporting |management |managerial )?(?:line|say|control) over\b|\b(?:could not|couldn't|can't|cannot) "
                             r"(?:just |simply )?(?:overrule|order|force|direct) (?:them|him|her|the other|either|anyone|"
                             r"each other|other teams)\b|\bneither of us could\b", _F)
# The undertaking named with what it was for: "a two-year initiative to put every site on one forecast".
UNDERTAKING = re.compile(r"\b(?:a|an|the) (?:[a-z-]+ ){0,2}?(?:effort|initiative|programme|program) to (?!the\b|a\b|"
                         r"an\b|our\b|my\b|it\b)[a-z]+", _F)
TASK = [
    (re.compile(r"\b(?:my|our|the) (?:goal|task|job|mandate|ask|objective|mission|charter|assignment|remit|brief) "
                r"(?:(?:from|for|of|given to|handed to) (?:[a-z'-]+ ){1,3}?)?(?:was|is)\b"
                # (a job that runs is no ask: "the job was more robust", "the job was failing every night")
                r"(?<!the job was)(?<!the job is)|\bthe job (?:was|is) (?:to|simple|clear|straightforward|now)\b|"
                r"\bset (?:myself|ourselves|us|me) (?:the |a )?(?:goal|target|task)\b", _F), 3.0),
    # "The challenge was to get them onto one model" is the goal ("the challenge was that ..." is the scene)
    (re.compile(r"\b(?:the|my|our) (?:challenge|problem|hard part|question) (?:for me |for us )?was (?:how )?to\b", _F), 2.8),
    (re.compile(r"\b(?:i|we) (?:was|were) (?:asked|tasked|told|brought in|responsible|assigned|given|put in charge|"
                r"supposed)\b|"
                # the speaker's role with the call it gave them: "I led the group for it, ..., so it fell to me to say so"
                r"^(?:(?:and|so|but)\W+)*i [^.]*\b(?:fell|came|landed) to me to\b", _F), 3.0),
    # (a question asked is no ask: "she asked me how unreliable it would be")
    (re.compile(r"^[^,]{0,40}\b(?:asked|tasked) me\b(?! (?:how|what|why|when|where|whether|if|about|a question|"
                r"questions)\b)|\bmy (?:role|responsibility) was\b|"
                r"\b(?:i|i'?m|am|was|were|me|us|myself) (?:\w+ )?(?:responsible for|in charge of)\b|"
                # the ask itself ("told me to", "gave me two weeks to"), not a clause after it ("told me the
                # model had been slow to react" is what someone said)
                # (what an event gave the speaker is no ask: "which gave me a real case to show the others")
                r"(?<!which )(?<!that )(?<!this )(?<!it )"
                r"\b(?:asked|tasked|told|gave|charged|trusted) me\b(?:\s+(?!(?:that|he|she|they|it|we|what|how|why|"
                r"when|about|had|has|have|was|were|is|are|would|could|did)\b)[a-z'-]+){0,4}?\s+to\b|"
                r"(?:^|[,;]\s*|\b(?:and|so)\s+)i owned\b|\bi took on\b|\bi volunteered to\b|"
                r"\bit was my (?:job|problem|call|change|project|model|code|mistake|decision|launch|release|bug|incident)\b|"
                r"\b(?:it was|it's|it is) (?:on|up to) me to\b|"
                r"\btook (?:on )?(?:the |full )?(?:responsibility|ownership)\b|\bi was the one (?:on call|responsible|"
                r"in charge|who had to)\b|\b(?:it )?(?:fell|landed) (?:\w+ ){0,2}on me\b|"
                r"\bi felt it was my\b|\bi (?:led|owned) (?:a|the) (?:project|effort|migration)\b|"
                # a piece of work taken on whole, before any step of it: "I proposed and led a shared feature service"
                r"^(?:(?:so|and|then)\W+)*i (?:proposed and |pitched and |then )?(?:led|took on|drove) (?:a|the) "
                r"(?:[a-z-]+ ){0,3}?(?:project|effort|migration|service|platform|initiative|programme|program)\b|"
                # the call named as the speaker's: "so the choice of model was my call"; the role with its remit: "I was
                # the staff engineer responsible for the claims models"
                r"\b(?:the|this|that) (?:[a-z-]+ ){0,3}(?:was|is) my (?:call|decision|job|responsibility)\b|"
                r"\bi was the (?:[a-z-]+ ){0,3}(?:engineer|lead|owner|scientist|manager|architect) responsible for\b",
                _F), 2.5),
    # a call that was the speaker's to make is the task, whatever backstory the sentence carries ("I had to decide
    # before the winter timetable whether ..., which the director had been shown")
    (re.compile(r"^(?:(?:so|and|then|but)\W+)*i (?:had|needed) to (?:decide|choose|pick|work out|figure out|recommend)\b",
                _F), 2.6),
    (re.compile(r"\b(?:i|we) (?:needed|had|wanted) to\b|\bneeded to (?:figure out|find|get|reduce|improve|fix|ship|"
                r"decide|cut|bring)\b|\b(?:to|had to) (?:decide|figure out) (?:whether|why|how)\b", _F), 2.0),
    (re.compile(r"\bso i (?:led|owned|ran|took on) the (?:response|incident|effort|project|migration|work)\b|"
                r"\bi (?:set out|took it on|decided to fix)\b|\bwith the (?:goal|aim) (?:that|of)\b|^as (?:the|a|an) [a-z -]{3,60}, i\b|"
                r"\bi wanted (?:one|to get|to fix|to make)\b", _F), 2.6),
    (re.compile(r"\b(?:i|we) wanted (?:them|it|everyone|everybody|every|each|all|the|our|us|both)\b", _F), 2.0),
    (re.compile(r"\bdeadline\b|\bbefore the (?:next|holiday|launch)\b|\bwithout (?:losing|hurting|breaking)\b", _F),
     1.0),
    # the speaker's role with what they saw it called for: "I was the staff engineer for search, and I thought the
    # area needed one shared view of a good match"
    (re.compile(r"^(?:(?:and|so|um)\W+)*i was the [a-z -]{0,30}(?:engineer|lead|owner|scientist|architect)\b[^.]{0,40}?\bi "
                r"(?:thought|believed|felt|decided|saw|was convinced) (?:that )?[^.]{0,30}?\b(?:needed|had to|should)\b",
                _F), 2.7),    # the reach of the speaker's mandate, what they could decide and what not, is the ask they took on: "I had no
    # authority over either team, but the cut-off was mine to set", "I led it with nobody reporting to me"
    (AUTHORITY_LIMIT, 2.7),
    # the undertaking named with what it was for: "we kicked off what we called the data contract push, a year-long
    # effort to stop schema breaks reaching training"
    (UNDERTAKING, 2.6),
]
# An agreement reached: a step of the story; the outcome only with an outcome told with it ("She agreed, and the
# partial launch lifted sales by 1.5 percent", "Both teams signed off and it launched the next week").
_AGREED = re.compile(r"\b(?:i|we|they|he|she|everyone|both (?:teams|sides|orgs|groups|leads)|all \w+ teams|the (?:[a-z-]+ )"
                     r"{0,2}(?:team|teams|leads?|directors?|managers?|owners?)) (?:all |finally |eventually )?(?:agreed|"
                     r"signed off)\b", _F)
# A decision made, told by the one (or the team) who made it: "we went with", "I picked", "we settled on", "the call
# was to". What it chose is the step; why and what came of it are told apart (or missed).
DECIDED = re.compile(r"\b(?:i|we)(?:\s+(?:also|then|finally|eventually|ultimately|quickly|just|initially))?\s+(?:"
                      r"went with|going with|chose|picked|opted (?:for|to)|settled on|landed on|decided (?:to|on|that|against)|"
                      r"made the (?:call|decision|choice)|committed to|bet on|ended up (?:going with|choosing|picking|using|"
                      r"with|keeping|moving|building|shipping|buying))\b|"
                      r"\b(?:the|my|our) (?:final )?(?:call|decision|choice|pick) was (?:to|that|for)\b", _F)
ACTION = [
    (re.compile(_I + rf"(?:{_ACTION_VERBS})\b", _F), 2.5),
    (re.compile(_I + _PAST_VERB + r"\b", _F), 2.3),
    (re.compile(r"\b(?:so|then|first|next|after that|eventually|finally)\s*,?\s*i\s+(?:\w+ed|took|made|wrote|ran|"
                r"built|set|sat|met|got|gave|led|saw|read|told|spent|put|went|found|brought|kept|did|drew|chose)\b", _F),
     1.5),
    (re.compile(r"\bmy (?:approach|plan|proposal|solution|idea|fix|first step) was\b|\bthe part i did myself\b|"
                r"\bmy (?:own )?part was\b", _F), 2.5),
    (re.compile(rf"\bwe(?:\s+(?:also|then|first|eventually|finally|quickly))?\s+(?:{_ACTION_VERBS})\b", _F), 2.0),
    (re.compile(r"\bwe(?:\s+(?:also|then|first|eventually|finally|quickly))?\s+" + _PAST_VERB + r"\b", _F), 1.8),
    # an agreement reached is a step of the story (label_sentence: unless an outcome is told with it)
    (_AGREED, 2.2),
    # a decision made is a step, however it is told: "we went with the managed store", "the call was to wait"
    (DECIDED, 2.4),
]
# A change verb in its verb forms (not the nouns "growth", "delivery" or the term "gradient boosted").
_CHANGE = (r"\b(?<!to )(?<!would )(?:(?:reduc|increas|improv|decreas|rais|sav|doubl|tripl|halv|accelerat|declin)(?:e|ed|es|ing)|"
           # (a model's name is no change: "the boosted ranker", "boosted trees")
           r"(?:(?<!gradient )(?<!gradient-)boost(?!ed (?:[a-z-]+ )?(?:trees?|rankers?|models?|classifiers?|regressors?|ensembles?)\b)|"
           r"lower|gain|climb|jump|lift|recover|block|dipp?|spik|slipp?)(?:ed|s|ing)?|"
           # ("we cut over region by region" switches traffic to the new system: a step of the rollout, no cut)
           r"(?:cut|cuts|cutting)(?! over\b)|dropp(?:ed|ing)|drops?|grew|grows?|growing|brought|shrank|shrunk|sped|"
           # "added" is a change only with a gain measured in points: "the tuned model added about a point"
           r"added(?= (?:about |roughly |nearly |almost |another |an extra )?(?:a|one|two|three|four|five|half a|"
           r"\d[\d.]*) ?(?:points?|percent|%|pp)\b)|"
           # (a choice made is a step, not a change: "we settled on", "we went with")
           r"fell|falls?|falling|rose|rises?|rising|caught|blocked|stayed|remained|settled(?! on\b)|lost|loses|"
           # movement verbs are a change only with a direction: "went from", "came down", not "went through"
           r"went(?! with\b)(?=[^.]{0,40}?\b(?:up|down|from|to|under|below|above|within|back)\b)|"
           r"came(?=[^.]{0,40}?\b(?:up|down|to|under|below|above|within|back)\b)|"     # "came from" is an origin
           r"moved(?=[^.]{0,40}?\b(?:up|down|from)\b)|kept(?=[^.]{0,30}?\b(?:under|below|above|within)\b))\b")
_NUMWORD = (r"(?:\d|percent|%|\bhalf\b|\ba point\b|\b(?:a|one|two) (?:quarter|third|fifth|tenth)s?\b|\btwice\b|\bzero\b|\bx\b|\b(?:one|two|three|four|five|six|seven|eight|"
            r"nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b)")
# A span of time told in words changed to another: "from a week to about a day", "from a month to two days" (a
# figure though it has no digit)
_SPAN = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of) (?:minutes?|hours?|days?|weeks?|months?|quarters?)"
DURATION_CHANGE = r"\bfrom (?:about |around |roughly )?" + _SPAN + r" to (?:about |around |roughly |under |less than |just )?" + _SPAN + r"\b"
_MEASURE = re.compile(DURATION_CHANGE + r"|\d|percent|%|\b(?:about|roughly|nearly|almost|over|by|added|gained|lost) (?:a|half a) point\b|\b(?:by|about|roughly|nearly|almost|over) (?:a|one|two) (?:quarter|third|fifth|tenth)s?\b|\ba (?:day|week|month|quarter|year) (?:early|earlier|ahead|sooner)\b|\b(?:half|twice|once(?!\s+(?:she|he|they|we|i|you|it|the|that|this|those|these|our|my|their|everyone|people)\b)|double[d]?|triple[d]?|zero|none|\w+fold|"
                      r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|"
                      r"eighty|ninety|hundred|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                      r"nineteen|thousand|million|billion)(?:s|es|ed|th|ths|fold)?)\b|\bx\b", _F)   # "hundreds", "tenth"; not "tensorflow"
# Time that passed since the story ("a year later", "eighteen months on", "today"): what follows is the outcome.
_ELAPSED = (r"^(?:(?:and|so|but|um|uh)\W+)*(?:(?:about |almost |nearly |over )?(?:a|an|one|two|three|four|five|six|"
            r"seven|eight|nine|ten|eleven|twelve|eighteen|several|a few|a couple of|\d+) (?:days?|weeks?|months?|"
            r"quarters?|years?|sprints?) (?:later|on|in|after(?: (?:that|launch|the launch|the change))?)|"
            # the same time told first: "after six months the crews were finding ...", "after a year, ..."
            r"after (?:about |almost |nearly |over |another )?(?:a|an|one|two|three|four|five|six|seven|eight|"
            r"nine|ten|eleven|twelve|eighteen|several|a few|a couple of|\d+) (?:days?|weeks?|months?|quarters?|years?|"
            r"sprints?)\b(?! (?:of|to|before|into|on)\b)|today|"
            r"these days|by now|since then|now|within (?:a|an|one|two|three|four|six|a few|a couple of|\d+) (?:days?|"
            r"weeks?|months?|quarters?)|"
            # the time after the change, told as a span: "over the next six months", "in the following quarter"
            r"(?:over|in|during) the (?:next|following|first) (?:(?:two|three|four|five|six|eight|nine|ten|twelve|"
            r"eighteen|several|few|couple of|\d+) )?(?:days?|weeks?|months?|quarters?|years?))")
# A lesson told as what the speaker would change: "What I'd change is ...", "If I did it over, I'd ..."
_REDO = (r"what i'?d (?:change|do differently|do again)|what i would (?:change|do differently)|"
         r"if i (?:did|could do|were doing|was doing|started) (?:it|this|that)? ?(?:again|over)|"
         r"i'?d (?:do|have done) (?:it|that|this|one thing) differently|"
         # the lesson as what the speaker will do next time, or would do starting over
         r"next time,? (?:i'?d|i would|i'?ll|i will|i)\b|were i (?:to start|starting|to do (?:it|this|that)|doing "
         r"(?:it|this|that)) (?:over|again)")
# A lesson told, not the noun in a product's name ("the lesson recommender", "the next lesson"): "the lesson I took is
# ...", "the lesson for me was ...", "a good lesson in ...", "it taught me a lesson"
_LESSON_TOLD = (r"(?:(?:i|we) (?:took|kept|learned|learnt|drew|carried)|(?:for (?:me|us|the team|everyone) |here |"
                r"there )?(?:is|was) (?:that|to|you|we|i|clear|simple)|in)\b")
_LESSON = (r"lessons? " + _LESSON_TOLD + r"|(?:taught|learned|learnt) (?:me |us )?(?:a|the|that|this|my|an) "
           r"(?:[a-z]+ )?lesson")
# A limit the work had to live within, held: "we stayed within budget", "so we were well inside the budget"
_LIMIT_HELD = re.compile(r"\b(?:stayed|kept (?:it|us|them|things|the [a-z-]+)|came in|landed|finished|were|was) "
                         r"(?:well |comfortably |safely |just |still )?(?:within|inside|under) (?:the |our |its |their )?"
                         r"(?:[a-z-]+ )?(?:budget|limit|sla|deadline|cap)\b|\b(?:met|beat|made) (?:the|our|its|their) "
                         r"deadline\b", _F)


def _outcome_words(name: str) -> tuple[str, ...]:
    return tuple(sorted(_phrases("outcome", name), key=len, reverse=True))


RESULT = [
    (re.compile(_CHANGE + r"[^.]{0,80}?" + _NUMWORD, _F), 3.0),
    # (not the launch as the time the scene runs to: "the night before launch", "the launch was in three weeks")
    (re.compile(r"\b(?:shipp(?:ed|ing)|(?:launch|deliver|finish|adopt)(?:ed|es|s|ing)?|complet(?:ed|es|ing)|"
                r"promot(?:ed|ion))\b(?<!before launch)(?<!until launch)"
                r"(?! (?:was|is|were|date was) (?:due |planned |set |scheduled )?(?:in|for|on)\b)[^.]{0,80}?" + _NUMWORD, _F), 2.9),
    (re.compile(DURATION_CHANGE + r"|\bfrom [^.]{1,30}? to [^.]{0,20}?" + _NUMWORD + r"|\binstead of (?:about )?" + _NUMWORD +
                r"|\bnow (?:take|takes|load|loads|covers|mentors|leads|runs|serves)\b|\b(?:was|got|been) promoted\b", _F), 2.7),
    (re.compile(r"\b(?:i learned|what i (?:took|learned) from|" + _LESSON + r"|looking back|in hindsight|i would have|"
                r"if i did it again|next time i|" + _REDO + r")\b", _F), 2.6),
    # an outcome told after the time that passed, in any tense: "Eighteen months later three of the four teams are
    # on the shared stack", "Today eleven teams run it"; the subject is not the speaker (that would be a new step)
    (re.compile(_ELAPSED + r",?\s+(?!(?:i|we|then)\b)(?:[a-z0-9,-]+\s+){0,8}?(?:went (?:live|out)|shipped|launched|"
                r"are|is|has|have|run|ran|fell|dropped|rose|stopped|use|take|reach|"
                r"serve|cover|sit|stay|was|were|had|(?!(?:its|this|was|has|is|as|us|his|always|sometimes|less|plus)\b)"
                # (or what someone else did by then, in the past: "a year later he designed the next one on his own")
                r"[a-z]{2,}[^s\W]s|(?:he|she|they) [a-z]{3,}ed)\b", _F), 2.6),
    (re.compile(r"\b(?:as a result|in the end|ended up|the result|the outcome|the impact|that led to|which led to|"
                r"this led to|resulted in|by the end|the net effect|after that|since then|within (?:two|three|a|"
                r"\d+) (?:weeks|months|quarters))\b", _F), 2.5),
    # (not what someone had never done: "she had never shipped a service" is the scene)
    (re.compile(r"\b(?<!never )(?<!not )(?<!n't )(?<!ever )(?:shipped|launched|went live|rolled (?:it )?out to|got adopted|adopted by|became the default|"
                r"(?:is|are) still (?:used|running|in production)|now (?:serves|runs|handles|used)|were using it|"
                r"has caught|never (?:happened|came back|recurred)|no more (?:pages|incidents|outages))\b", _F), 2.0),
    (re.compile(r"\b(?:we|i|they) (?:saw|hit|achieved|reached|delivered|won|landed|kept)\b", _F), 1.5),
    (re.compile(r"\bbecame (?:the|a|our) (?:standard|default)\b|\bis now (?:the|a|part of)\b", _F), 2.5),
    (re.compile(r"\b(?:had|saw|with|there were|we've had) (?:zero|no|not a single|only (?:one|two|\d+)) (?:more )?"
                r"(?:[a-z-]+ ){0,2}(?:incidents?|outages?|pages?|regressions?|complaints?|escalations?|misses|"
                r"failures?|downtime|errors?|bugs?|rollbacks?|surprises)\b", _F), 2.6),
    # a lasting outcome in the present perfect: "we haven't had one since", "it has caught two since"
    (re.compile(r"\b(?:have|has|haven'?t|hasn'?t|havent|hasnt|have not|has not)\b[^.]{0,50}?\bsince\b(?! (?:then )?(?:i|we)\b)|"
                r"\b(?:nothing|nobody|no one|none of (?:them|us|the \w+)) (?:broke|failed|noticed|complained|"
                r"churned|regressed|was lost)\b|\b(?:a (?:day|week|month) early|ahead of (?:schedule|time))\b", _F), 2.6),
    # a lasting outcome told as how long it has held: "it has run for two years with two small incidents" (not the
    # speaker's own tenure: "I have held the senior title for six years")
    (re.compile(r"\b(?<!\bi )(?<!\bwe )(?:has|have) (?:now )?(?:run|worked|held|held up|served|been running|been live|been in production|"
                r"stayed|lasted|survived)\b[^.]{0,30}?\bfor (?:over |more than |about |almost |nearly )?(?:a|one|two|"
                r"three|four|five|six|several|many|\d+) (?:years?|months?|quarters?)\b", _F), 2.6),
    # an outcome told as change: "the job got forty minutes faster", "conflicts stopped", "she got more confident"
    (re.compile(r"\b(?:got|became|ran|came out|ended up)\s+(?:[a-z-]+\s+){0,3}?(?:faster|slower|cheaper|quicker|"
                r"shorter|smaller|lower|higher|better|more (?:confident|reliable|stable|accurate)|less (?:noisy|"
                r"flaky))\b|^(?:and |so )?(?!i\b|we\b)[a-z -]{2,40}?(?<!\bhad) (?:stopped|disappeared|went away|vanished)\b|"
                r"\bmade no (?:difference|change)\b|\bbecame (?:the|a|an|our|her|his|their) (?:[a-z-]+ ){0,2}"
                r"(?:standard|default|guide|template|baseline|reference|playbook|standing item|fixture)\b|"
                # others took it up: "the note format was later copied by the teams forecasting admissions"
                r"\b(?:was|were) (?:later |since |then |soon )?(?:copied|adopted|reused|taken up) by\b", _F), 2.4),
    # outcomes in plain words: things back to normal, nobody hit the fault again, others took it up or own it now
    # (not a bare verdict: "it worked well" is how the speaker rates it)
    # ... or the fault's mark gone, told against the ordinary ("the error around the holiday was about the same as any
    # other week", "no worse than the other stores")
    (re.compile(r"\b(?:went|got|came) back to (?:normal|where (?:it|they) (?:was|were)|(?:its|their) old)|"
                r"\b(?:was|were|came out|ended up|stayed|looked) (?:about |roughly |much |pretty much |more or less )?"
                r"(?:the same as|no (?:worse|higher|bigger|different) than|in line with) (?:any|every|all the|the) other\b|"
                r"\b(?:nobody|no one|none of (?:them|us|the \w+)) (?:got|saw|had|hit) (?:a|an|the|any)\b|"
                r"\b(?:started|began) using (?:it|them|the|our)\b|\b(?:is|are) now (?:run|owned|maintained) by\b|"
                r"\bnow has (?:an? |its own )?(?:owning team|owner)", _F), 2.2),
    # the person the story helped, in what they own or are now: "now she owns the forecast", "he is a team lead now"
    (re.compile(r"\bnow (?:she|he|they) (?:owns?|runs?|leads?)\b|\b(?:she|he|they) now (?:owns?|runs?|leads?)\b|"
                r"\b(?:she|he|they) (?:is|are) (?:now (?:a|an) (?:[a-z-]+ ){0,3}?(?:engineers?|leads?|scientists?|"
                r"managers?)\b|(?:a|an) (?:[a-z-]+ ){0,3}?(?:engineers?|leads?|scientists?|managers?) now\b)", _F), 2.2),
    (_LIMIT_HELD, 2.4),
    # an investment that returned: "it paid for itself within a quarter", "the work broke even in six weeks"
    (re.compile(r"\b(?:paid (?:for )?(?:itself|themselves)|paid (?:off|back)|broke even)\b", _F), 2.4),
    # a level reached, told as a state: "after two months we were at about five pages a week"
    (re.compile(r"\b(?:we|it|they|the team) (?:were|was) (?:down |up |back )?(?:at|to|under|below) (?:about |roughly |"
                r"around |just |only |under |below )?" + _NUMWORD, _F), 2.6),
    (re.compile(r"\b(?:passed|cleared) (?:the|its|our|their|every|all|each) (?:[a-z-]+ ){0,2}?(?:audit|review|"
                r"inspection|certification|test|checks?)s?\b", _F), 2.4),
    (re.compile(r"\b(?:versus|vs\.?|compared (?:to|with)|up from|down from)\b[^.]{0,40}?(?:\d|percent)", _F),
     2.5),
    # a measured change told as a noun: "the holdout showed a 1.5 percent lift in orders", "a 30% cut in cost"
    (re.compile(r"\b(?:a|an)\s+(?:\d[\d.,]*\s*(?:%|x\b)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                r"thirty|forty|fifty)\b)[\s-]*(?:percent(?:age)?[\s-]*|points?[\s-]*|fold[\s-]*|basis[\s-]*points?\s*)?"
                r"(?:lift|drop|gain|increase|decrease|reduction|improvement|saving|speed-?up|fall|rise|jump|boost|"
                r"uplift|cut)s?\b", _F), 2.8),
    # the thing built reached users ("about five weeks later the full model went out without that gap")
    (re.compile(r"\b(?!(?:i|we|he|she|they|you|everyone|everybody)\b)[a-z-]+ went (?:out|live)\b"
                r"(?! (?:to|for|with|of) (?:lunch|dinner|drinks|a walk|the room|the office|the door))", _F), 2.0),
    # users' or partners' verdict, unmeasured: "customers and the call centre both told us it was much better"
    (re.compile(r"\b(?:told|tell|telling) (?:us|me|the team|everyone|our team)(?: that)?\s+(?:it|this|the [a-z-]+|things|"
                r"search|life) (?:was|were|is|had (?:gotten|become)|got|felt|had been) (?:much |a lot |far |way |so much "
                r"|really )?(?:better|easier|faster|clearer|simpler|more useful)\b", _F), 2.2),
    (re.compile(r"\b(?:went (?:really |pretty )?(?:well|fine|smoothly)|everyone was happy|people liked|got a lot (?:better|quieter)|did (?:really |very |pretty )?well for|"
                r"(?:the team|everyone|they|the business|the client|leadership) (?:was|were) (?:very |really )?(?:happy|pleased)|"
                r"was a success|worked (?:out|really well))\b", _F), 2.0),
    # trust that lasted, told in the present perfect: "She has asked me to review the next two automation requests"
    (re.compile(r"\b(?:she|he|they|the (?:[a-z]+ ){0,2}(?:team|lead|director|head|manager)s?) (?:has|have) (?:since |now "
                r"|also )?(?:asked|invited|trusted|brought) me\b", _F), 3.0),
    # a measured gain told as a comparison (not two options compared, "his model was two points better", which a
    # test step finds): "the news rows got about fourteen percent more plays", "sold about a fifth faster than before",
    # or against the plan: "twenty thousand photos labelled in three months, far faster than we expected"
    (re.compile(r"\b(?:got|saw|drew|sold|won|earned|received|pulled in|brought in)\s+(?:about |roughly |around |nearly |"
                r"almost |over |some )?(?:\d[\d.,]*\s*%?|a (?:third|quarter|fifth|tenth)|half|twice|(?:one|two|three|four|"
                r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty)\b)"
                r"(?:\s*(?:percent|points?|times))?\s+(?:as )?(?:more|fewer|less|higher|lower)\b|"
                r"\b(?:more|fewer|less|higher|lower|faster|slower|cheaper|quicker|better|worse|sooner|earlier|shorter) than "
                r"(?:before|ever|last (?:year|quarter|month|season|summer|winter)|the (?:year|quarter|month|week) before|"
                r"(?:we|i|anyone|they|the team) (?:had )?(?:expected|planned|hoped|estimated|thought)|expected|planned)\b",
                _F), 2.7),
    # a recurring fault told going down after the work, without a figure ("the failures went down a lot", "the
    # pages dropped a lot"): the outcome, unmeasured (the rubric's level 3), as plain speech or a second language says
    # it. Only a fault: a bill or a latency that "went down" is a quantity the listener expects a figure for. The
    # faults and their moves are `rubrics/answer_words.toml` `[outcome] faults`, `fault_moves`.
    (re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _outcome_words("faults")) + r")\b[^.;]{0,25}?\b(?:" +
                "|".join(re.escape(w) for w in _outcome_words("fault_moves")) + r")\b(?! (?:up|by \d|to \d))", _F), 2.4),
]
# Words without which a slow cue cannot fire (its every alternative contains one), tried as plain substrings of the
# lowered sentence before the cue's search: the ask and ownership cue, the past perfect of the backstory, a belief
# held or how success was measured, and a change told with "got", "became" or "stopped".
CUE_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    TASK[3][0]: (" me", "my ", "was my", "responsib", "charge", "ownership", "i owned", "i took on", "i volunteered",
                 "i was the one", "i led"),
    SITUATION[14][0]: ("had ",),
    SITUATION[15][0]: ("sure", "convinced", "certain", "confident", "positive", "was when", "success"),
    AUTHORITY_LIMIT: ("authority", "report", "overrule", "order", "force", "direct", "neither", " over"),
    UNDERTAKING: ("effort", "initiative", "program"),
    RESULT[12][0]: ("got", "became", "ran", "came out", "ended up", "stopped", "disappeared", "went away", "vanished",
                    "made no", "copied by", "adopted by", "reused by", "taken up by"),
}
_HYPOTHETICAL = re.compile(r"\b(?:would|will|should|could|going to|want(?:ed|s)?|need(?:ed)? to|plan(?:ned)? to|"
                           r"hope to|goal|target|aim|asked|to get it|to bring|i'd|we'd)\b", _F)
# A total worked out of what would happen ("seven in ten offers would go to people staying anyway ..., that came to
# around 400,000 dollars a quarter"): the sum of an estimate, what the speaker reckoned, not what came of the work.
WORKED_TOTAL = re.compile(r"\b(?:came|comes|come|coming) (?:out )?(?:to|at)\b|\badds? up to\b|\badded up to\b|"
                          r"\bworks? out (?:to|at)\b|\bworked out (?:to|at)\b", _F)
ESTIMATED = re.compile(r"\bwould\b|\b(?:i|we)'d\b", _F)
# A consequence told with a modal is still what happened: "... which meant the team could answer the rest the same day".
_CONSEQUENCE = re.compile(r"\b(?:which|that|this|it) meant\b.*|\bso (?:that )?(?:[a-z-]+ ){1,3}?(?:could|can) now\b.*", _F)
_UNSURE = re.compile(r"\b(?:not (?:totally |really |entirely |fully )?sure (?:how|what|if|whether)|don't know (?:how|what|if)|"
                     r"no idea (?:how|what|if)|never found out)\b", _F)
# Present-tense doubt about the story itself ("I'm not sure she agreed", "I don't really know what happened").
_DOUBT = re.compile(r"^(?:(?:and|but|so|honestly|to be honest),? )*(?:i'?m|i am) not (?:\w+ )?sure\b|"
                    r"^(?:(?:and|but|so|honestly),? )*i (?:don'?t|do not) (?:really )?know\b", _F)
# "If we disagreed, I would ...": a condition and a modal make a hypothetical, whatever the tense.
_CONDITIONAL = re.compile(r"^(?:(?:so|and|but|well),? )*(?:if|whenever|when)\b[^.]{0,80}?\b(?:i|we)(?:'d| would| will)\b",
                          _F)
# A generalisation over one's past, not one event: "There have been moments where I wanted it perfect ...".
_GENERAL_TIMES = re.compile(r"^(?:(?:so|and|but|well|honestly|i mean),? )*(?:there (?:have|has) (?:always )?been "
                            r"(?:(?:many|some|a few|several|plenty of|lots of|a lot of) )?(?:times|moments|occasions|"
                            r"cases|situations)\b|"
                            # what happens in general, not once: "Most of the time the problem is that ..."
                            r"(?:most of the time|more often than not|in general|as a rule|nine times out of ten)\b)", _F)
# A condition set on a change is no outcome: "... the new version ships if saved customers go up and spend rises by no
# more than five percent" (the clause from "if" is read out of the outcome cues).
_CONDITION_CLAUSE = re.compile(r"\b(?:if|unless|provided(?: that)?|as long as|only when)\b[^,;.]*", _F)
# A rule the speaker holds now, told as what ought to be in general: "I still think cost work should wait for the big
# line items" (a belief, whatever hindsight frames it; "we should have asked earlier" is the lesson of the story).
HELD_RULE = re.compile(r"\bi (?:still |now |really |honestly |do |also )?(?:think|believe|feel)\b(?: that)? [^.;]*?\b(?:should|"
                       r"must|ought to|needs? to|has to|have to)\b(?! have\b)", _F)
# A maxim or a verdict on the call, said after the story: "sometimes you just have to make the call", "I would make
# the same call again" (the story's close is what happened; this is what the speaker makes of it).
MAXIM = re.compile(r"^(?:(?:and|so|but|um|uh|yeah|honestly|i mean)\W+)*(?:sometimes |often |usually |in general |"
                   r"generally )?you (?:just |really |always |sometimes |often |kind of )?(?:have to|need to|should|must|"
                   r"can't|cannot|gotta|got to)\b|\b(?:i|we)(?:'d| would) (?:make|take|do) (?:the same|that|this) "
                   r"(?:call|choice|decision|thing) again\b|\b(?:i|we)(?:'d| would) do (?:it|that) (?:the same way )?again\b",
                   _F)
# What a change would have done, had it been made: "the smaller model would have cut that by half" is an estimate, not
# an outcome ("what would have been a lost weekend" still measures one that was avoided).
COUNTERFACTUAL = re.compile(r"\b(?:would|could|might)(?: not|n't)? have (?!been\b)[a-z]+", _F)
# A change inside a relative clause describes whom or what it is about, not an outcome: "a simple rule, players whose
# sessions had halved over two weeks", "the shoppers who had seen the price double".
_WHOSE_CHANGE = re.compile(r"\b(?:whose|who)\b[^,;.]*", _F)
# A hedged verdict on oneself is not an event: "I think we handled it pretty well".
_SELF_RATING = re.compile(r"\bi (?:think|guess|feel)\s+(?:we|i|it|they)\b[^.]{0,40}?\b(?:pretty|really|quite|very)?\s*"
                          r"(?:well|fine|okay|ok|good|great)\b(?![^.]{0,20}\d)", _F)
# A line of a career history: "Before that I was a backend engineer", "I've been at my company for five years".
_CAREER = re.compile(r"^(?:(?:and|so|um|uh|then)\W+)*(?:before that|prior to that),? (?:i|we) (?:was|were|spent|worked|did|had|"
                     r"studied|led|built|moved)\b|\bi(?:'?ve| have) (?:been|held|had|worked) (?:at|with|in|on|a|an|the|my|this|that) "
                     r"[^.]{0,40}?\bfor (?:about |almost |over )?"
                     r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many) (?:years?|months?)\b|"
                     r"^(?:(?:and|so|um|uh|yeah)\W+)*i started out (?:as|doing|in|on)\b|"
                     # the next employer in a sequence: "and then i joined a consultancy", "after that i moved to a startup"
                     r"(?:\b(?:then|after that|later|next),? |^(?:in|at) [a-z]+ )i (?:joined|moved to|went to|switched to|"
                     r"left for) (?:a|an|my|another|the) (?:[a-z-]+ ){0,2}(?:company|start-?up|consultancy|firm|agency|bank|"
                     r"lab|job|role|"
                     r"employer|insurer|retailer)\b|"
                     # the tools of a career and the field moved into: "I have used Spark a lot, Airflow, ...",
                     # "and then i moved into machine learning"
                     r"\bi(?:'?ve| have) used (?:a lot of |lots of |many |all sorts of |a bunch of )?(?:tools|frameworks|"
                     r"libraries|[a-z0-9.-]+ (?:a lot|heavily|for years|extensively))\b|"
                     r"\b(?:then|later|eventually),? (?:i )?(?:moved|switched|went|got|transitioned) into (?:machine learning|ml|"
                     r"data science|deep learning|ai|data)\b|"
                     # the degree a career began with: "so I studied electrical engineering", "I did my master's in ..."
                     r"^(?:(?:and|so|um|uh|well)\W+)*i (?:first )?(?:studied|did (?:my|a) (?:degree|master'?s|masters|phd|"
                     r"bachelor'?s|bachelors)) (?:in )?[a-z]+ (?:engineering|science|physics|mathematics|maths|math|"
                     r"economics|statistics|chemistry|biology)\b", _F)
# Owning a system is the setting of the story ("I owned the pricing model", "I looked after the leaf-photo model in a
# farming app"); owning it with a call to make is the task ("I owned the serving platform, and I had to decide whether
# to block the launch").
# The speaker's part in the work, said as who they were ("I was the one building the detector", "I was one of two
# engineers", "I was the lead engineer"): what they were there to do, the task, even when a step follows in the
# same sentence.
_ROLE_LEAD = re.compile(r"^(?:(?:and|so|but|um|uh)\W+)*i was (?:the one|one of (?:the |two|three|four|five|a few)|"
                        r"the (?:lead|tech lead|technical lead|senior|only|main)(?: [a-z-]+)? (?:engineer|scientist|"
                        r"developer|person|owner)s?\b(?! at\b))|"
                        # the area the speaker led, not an event they led ("I led the recommendations work, and I
                        # thought ...", "I led forecasting in one region", "I led the decision between ...")
                        r"^(?:(?:and|so|but|um|uh)\W+)*i led (?!(?:the |a |an |our )?(?:[a-z-]+ )?(?:move|migration|switch|"
                        r"rewrite|rollout|launch|redesign|rebuild|fix|investigation|response|push|cut-?over|port)\b)"
                        r"(?:(?:the|our) (?:[a-z-]+ ){0,3}?(?:work|engineers|people|decision|models|area|side)\b|"
                        r"[a-z]+ing (?:in|for|at|on)\b)(?! at (?:a|an)\b)", _F)
_OWNED_ROLE = re.compile(r"^(?:(?:and|so|um|uh)\W+)*i (?:owned|looked after|maintained|took care of) (?:the|our|a|an|their) (?:[a-z-]+ ){0,3}?(?:model|system|service|"
                         r"platform|pipeline|stack|ranker|classifier|library|infrastructure|job)s?\b|"
                         r"^(?:(?:and|so|um|uh|at the time)\W+)*i (?:led|ran|managed|headed) (?:the|our|a|an) "
                         r"(?:[a-z-]+ ){0,3}?(?:team|group|org|organi[sz]ation|squad|department)\b|"
                         # the work the story is set in: "I worked on a model for a chain of veterinary clinics that ..."
                         r"^(?:(?:and|so|um|uh|at the time)\W+)*i worked on (?:a|an|the|our) (?:[a-z-]+ ){0,3}?(?:model|"
                         r"system|service|platform|pipeline|ranker|classifier|forecast)s? (?:for|at|that|which)\b|"
                         # the place of work with the speaker's part in it: "At a freight railway I was responsible
                         # for predicting ...", "I led the machine learning work at a freight rail operator, where ..."
                         r"^(?:(?:and|so|um|uh)\W+)*at (?:a|an) [^,.]{3,60}?,? i (?:owned|was responsible for|led|ran|"
                         r"looked after|maintained)\b|"
                         r"^(?:(?:and|so|um|uh)\W+)*i (?:owned|led|ran|headed|looked after|was responsible for) (?:the|our) "
                         r"(?:[a-z-]+ ){0,4}?(?:work|models?|forecasts?|systems?|platform|pipelines?|team) at (?:a|an) |"
                         # a function the speaker heads, named with no article: "I led ML engineering for the three
                         # data-science groups", "I ran data science across the retail side"
                         r"^(?:(?:and|so|um|uh|at the time)\W+)*i (?:led|ran|managed|headed) (?:[a-z-]+ ){0,2}?"
                         r"(?:engineering|research|science|analytics|infrastructure) (?:for|in|at|across)\b", _F)
_OBLIGATION = re.compile(r"\b(?:had to|needed to|wanted to|my (?:call|job|decision)|mine to|it was my|fell to me)\b|" + AUTHORITY_LIMIT.pattern, _F)
# Verb forms that look past but are not narration: the present perfect ("I have worked"), and a participle after
# a present-tense "be" ("what a team is made of", "is better bought or taken from open source").
_PERFECT = re.compile(r"\b(?:i|we|you|they|he|she|it)(?: have|'ve| has|'s)(?: not| never| really| always| just| already| "
                      r"pretty much| mostly)* \w+|\b(?:i|we|you|they) (?:have|'ve) \w+ed\b|"
                      # a participle as the state something is kept in: "keeping people informed matters"
                      r"\b(?:keep|keeps|keeping|stay|stays|staying|get|gets|getting)(?: [a-z']+){0,2} [a-z]{3,}ed\b|"
                      # any subject's present perfect: "asking questions later has served me well"
                      r"\b(?:has|have)(?: (?:not|never|really|always|just|already|long|mostly))* (?:[a-z]{3,}ed|been|"
                      r"done|made|kept|brought|taught|given|shown|proven|seen)\b|"
                      # (only with what follows a general passive: "made of", "bought or taken from", "built by")
                      r"\b(?:is|are|am|be|being)(?: (?:not|never|often|always|usually|still|better|best|\w+ly))* "
                      r"(?:[a-z]{3,}ed|made|bought|built|paid|sold|kept|held|run|done|taken|given|left|lost|won|found)\b"
                      r"(?= (?:of|by|from|or|and|on|as|rather than|than|in-house|in house|with)\b)", _F)
# A habit told in the past is still a habit: "In my last role I always made sure we measured everything".
# (Not what used to happen to the team: "when one failed we usually found out from the product manager" is context.)
_ALWAYS = re.compile(r"\bi (?:would |have |'ve )?(?:always|usually|generally|typically|normally|often|constantly|regularly|"
                     r"consistently)\b|"
                     # a rule the speaker keeps, in the present: "I only build a shared piece once a third team needs it"
                     r"^(?:(?:so|and|but|well)\W+)*i only (?:ever )?(?!\w+ed\b)(?!(?:made|built|took|wrote|ran|got|found|saw|"
                     r"went|did|had|was|knew|came|put|set|split|began|kept|told|sent|spent|led|met)\b)[a-z]+\b[^.;]{0,60}?"
                     r"\b(?:once|when|after|until|if)\b", _F)
# A verdict on the experience is not its outcome: "It was a good learning experience", "it was kind of a mess".
_VERDICT = re.compile(r"^(?:(?:and|so|but|um|uh|yeah|honestly|overall|in the end)\W+)*(?:it|that|this|the (?:project|"
                      r"experience|whole thing)) was (?:(?:a|an|kind of|sort of|really|very|pretty|quite|super|such a|"
                      r"definitely|overall)\s+)*(?:good|great|valuable|useful|fun|hard|tough|challenging|interesting|"
                      r"messy|mess|pain|learning|stressful|rewarding)\b(?![^.]{0,60}\d)", _F)
# What others should have done is a verdict, not an event: "the review process should have caught it".
_OTHERS_VERDICT = re.compile(r"\b(?!(?:i|we)\b)[a-z]+ (?:should|ought to|could) have\b", _F)
_BACKSTORY_CHANGE = re.compile(r"\bhad (?:already |just |quietly |slowly )?" + _CHANGE.removeprefix(r"\b(?<!to )(?<!would )"), _F)
_FIRST_PERSON_LEAD = re.compile(r"^(?:(?:and|so|then|but|um|uh)\W+)*(?:i|we)\b", _F)
# "... and appeals went down to about a hundred a week": a later clause whose subject is not the speaker,
# with a change verb and a measure, is the outcome even after an "I did" opening.
_OUTCOME_CLAUSE = re.compile(r"(?:,|\band|;|\bso)\s+(?!(?:(?:and|so|but)\s+)?(?:i|we|then|also|when|if|whenever|unless)\b)"
                             r"(?:the |our |their |its )?[a-z-]+(?: [a-z-]+){0,3} (?<!\bthat )(?<!\bwhich )(?<!\bwho )"
                             r"(?=(?:[a-z]+ed|fell|rose|grew|shrank|shrunk|sped|went|came|cut|stayed|kept)\b)"
                             + _CHANGE.removeprefix(r"\b(?<!to )(?<!would )") + r"[^.]{0,60}?" + _NUMWORD, _F)
# The outcome told after the step in the same run-on sentence: "... a rollup table | the dashboards now load in
# four seconds", "... and after that it got way quieter" (a benchmark's finding after a colon is not one).
_AFTER_STEP = re.compile(r"\b(?:now|since then|after that|as a result|in the end|by the end|which (?:cut|brought|"
                         r"dropped|reduced|raised|saved|halved|doubled))\b", _F)
_LATER_OUTCOME = re.compile(r"(?:,|\band|;|\bso)\s+(?:(?:uh|um|then)\s+)?(?!(?:i|we|then|also|when|if|whenever|unless)\b)"
                            r"(?:the |our |their |its )?[a-z-]+(?: [a-z-]+){0,3} "
                            r"(?=(?:[a-z]+ed|fell|rose|grew|shrank|shrunk|sped|went|came|cut|stayed|kept|got)\b)"
                            + _CHANGE.removeprefix(r"\b(?<!to )(?<!would )"), _F)
# The release told after the step, once time has passed: "... and six weeks later the full model went live".
_LATER_RELEASE = re.compile(r"(?:,|\band|;|\bso)\s+(?:about\s+|some\s+|roughly\s+)?(?:a|an|one|two|three|four|five|six|"
                            r"seven|eight|nine|ten|a few|a couple of|\d+) (?:days?|weeks?|months?|quarters?) later,?\s+"
                            r"(?!(?:i|we)\b)[^.]{0,50}?\b(?:went (?:live|out)|shipped|launched|was released)\b", _F)
# A first sentence that opens with a time or place frame sets the scene ("During the peak last year ...").
_OPENER = re.compile(r"^(?:(?:so|okay|ok|um|uh|well|yeah|and)\W+)*(?:during|in|at|back in|back when|last|early|late|"
                     r"(?:a|one|two|three|four|five|six|a few|a couple of) (?:years?|months?|weeks?) into)\b(?! the end\b)[^,]{0,50}?\b(?:years?|months?|weeks?|"
                     r"quarter|spring|summer|fall|autumn|winter|peak|job|company|team|role|time|ago|into)\b|"
                     # "A while back I pushed ...", "Once I shipped ..." (one time, not "once I had X, I ..."), "One Monday"
                     r"^(?:(?:so|okay|ok|um|uh|well|yeah|and)\W+)*(?:a while (?:back|ago)|some time ago|one time|one day|"
                     r"(?:about |around |almost |over )?(?:a|one|two|three|four|five|six|a few|a couple of) (?:years?|"
                     r"months?|weeks?) ago|"
                     r"one (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|evening|weekend)|"
                     r"once(?= (?:i|we)\b[^,]*$))\b|"
                     # a one-line headline that names the story: "I pushed back on our CEO once."
                     r"^(?:(?:so|okay|ok|um|uh|well|yeah)\W+)*(?:i|we) [a-z' -]{3,60}?\b(?:once|one time)\W*$|"
                     # a place: "At an online wine shop I built ...", "At my last company, we ..."
                     r"^(?:(?:so|okay|ok|um|uh|well|yeah|and)\W+)*at (?:a|an|my|our|one|the) (?!(?:high|glance|minimum|"
                     r"maximum|time|point|moment|level|rate|cost|scale|guess)\b)(?:[a-z-]+ ){0,3}[a-z-]+(?:,| (?:i|we)\b)", _F)
# An opening time clause whose main clause is about others sets the scene: "When I joined, each team kept its
# own copy" (but "When the alert fired, I rolled back" is an action).
_SCENE_CLAUSE = re.compile(r"^(?:(?:so|and|um|uh|well)\W+)*(?:when|after|before|while|as soon as|by the time|once)\b"
                           # (not the speaker's own test or try: "When I tried to rebuild it, the run did not
                           # reproduce" is what a step found)
                           r"(?! i (?:tried|tested|reran|re-ran|rebuilt|checked|measured|profiled|compared|replayed|"
                           r"benchmarked|traced|dug|looked))"
                           r"[^,]{3,80},\s*(?!\s|(?:so |then |and )?(?:i|we)\b)", _F)
# Habits, beliefs and plans ("I usually talk to stakeholders", "I would escalate") are not a story.
_HABIT = re.compile(r"\b(?:usually|generally|typically|always|normally|tend to|i try to|i like to|i believe|"
                    r"i think|to me|my approach is|i make sure|i'?m (?:generally|very|always|pretty)|"
                    r"i (?:make|talk|try|write|keep|break|ask|give|do|go|work|use|like|start|bring|execute|figure|"
                    r"prefer|focus|believe|share|help|answer)|"
                    # a value held, in the present ("put" has no tense of its own): "I put a lot of weight on ..."
                    r"i (?:put|place|set) (?:a lot of |great |real |much |heavy |the most )?(?:weight|emphasis|value|"
                    r"stock|importance) on)\b", _F)
_PLAN = re.compile(r"^(?:(?:so|and|then|first|next|um|uh|okay|ok|well)\s*,?\s*)*(?:i|we)(?:'d| would| will| could| might| should)\b|"
                   r"^if (?:a|the|i|we|you|someone)\b|\b(?:i|we) would (?:first |probably |then )?\w+", _F)
_PAST = re.compile(r"\b(?:was|were|had|did|fell|rose|grew|shrank|shrunk|sped|"
                   r"(?!(?:" + NOT_PAST_ED + r")\b)\w{3,}ed|" +
                   "|".join(v for v in _IRREGULAR_PAST.split("|") if v not in _SAME_IN_PRESENT) + r")\b", _F)
# A step that tests or measures something: what follows it (a change, a figure) is its finding, still the action
# ("I ran her model on last month's customers with the feature blanked, and its lift fell by half").
_TEST_LEAD = re.compile(r"^(?:(?:and|so|then|first|next)\W+)*(?:i|we)\s+(?:also |then |first |quickly )?(?:re-?ran|tested|"
                        r"benchmarked|measured|compared|evaluated|sampled|replayed|backtested|simulated|checked|"
                        r"profiled|timed|audited|ran (?:[a-z'-]+ ){0,5}?(?:on|against|through)\b|"
                        r"(?:tried|ran|trained) (?:both|each|all three|all of them|the two|them side by side)\b|"
                        # an evaluation rebuilt: "I rebuilt the evaluation with a time split and the gain shrank ..."
                        r"re-?(?:built|made|did|ran|scored|split) (?:[a-z'-]+\s+){0,3}?(?:test|holdout|hold-out|"
                        r"eval(?:uation)?|validation|backtest)\b)", _F)
# The same test step anywhere in a run-on sentence, or a step that rebuilds an evaluation: "... instead of just saying
# no i rebuilt her test set using the features as they would have looked" (what follows is its finding).
_TEST_STEP = re.compile(r"\b(?:i|we)\s+(?:also |then |first |quickly )?(?:re-?ran|tested|benchmarked|measured|compared|"
                        r"(?:re-?)?evaluated|re-?scored|sampled|replayed|backtested|simulated|profiled|timed|audited|"
                        r"(?:tried|ran|trained) (?:both|each|all three|all of them|the two|them side by side))\b|"
                        r"\b(?:i|we)\s+(?:also |then |first |quickly )?(?:re)?(?:built|made|ran|scored|set up|split)\s+"
                        r"(?:[a-z'-]+\s+){0,3}?(?:test|holdout|hold-out|eval(?:uation)?|validation|backtest)\b", _F)
# Talking to people answers something that already happened: an answer that opens with it starts mid-story (a
# follow-up), so the opening is a step, not the scene ("I talked to each team lead separately. Two of them ...").
_TALK_LEAD = re.compile(r"^(?:(?:and|so|then|first|um|uh)\W+)*(?:i|we)\s+(?:first |then |also )?(?:talked|spoke|met|asked|"
                        r"told|sent|emailed|messaged|pinged|called|proposed|suggested|presented|explained|showed|"
                        r"reached out|sat down|went to|pushed back|escalated|raised)\b", _F)
# What a step turned up: "it turned out they were measured on cost", "the root cause was a currency field".
_FINDING = re.compile(r"^(?:(?:and|so|but|then|um|uh)\W+)*(?:it turned out|turns out|(?:the|its|our) (?:root )?(?:cause|culprit)"
                      r" was|(?:i|we) (?:found|learned|saw|noticed|realized|realised) (?:that|it|they|the|most|about))\b",
                      _F)
# What the speaker's step showed, told in the same sentence: "I pulled the last six experiments and showed that time
# spent went up in all of them, but retention dropped in one": the changes are the step's evidence, not the outcome.
_SHOWED_THAT = re.compile(r"\b(?:i|we) (?:[a-z'-]+ ){0,8}?(?:showed|found|saw|noticed|learned|reali[sz]ed|proved|"
                          r"demonstrated|worked out) (?:them |him |her |everyone )?that\b", _F)
# A comparison a step turned up: "His model was two points better on recall, but it took 400 milliseconds".
_COMPARED = re.compile(r"^(?:(?:and|so|but|then)\W+)*(?!(?:i|we)\b)(?:[a-z'-]+ ){1,4}(?:was|were|came out|ended up) "
                       r"(?:[a-z0-9.-]+ ){0,4}(?:better|worse|faster|slower|cheaper|costlier|more accurate|less accurate|"
                       r"ahead|behind)\b", _F)
_CAUSE = re.compile(r"^(?:(?:and|so|but|then|um|uh)\W+)*(?:it turned out|turns out|(?:the|its|our) (?:root )?(?:cause|culprit) was|"
                    # what went wrong, found: "Where it went wrong was that a model could gain half a point by ..."
                    r"(?:where|what|how) (?:it|this|that|things) went wrong (?:was|is)|the (?:catch|flaw|snag) was)\b",
                    _F)
# People or money won for the work ("I got two engineers funded ..., and grew that to five"): a step that made
# the work possible, not its outcome, whatever figure it counts.
_RESOURCED = re.compile(r"^(?:(?:and|so|then|um|uh)\W+)*(?:i|we) (?:got|secured|won|raised|found|negotiated)\b[^.]{0,60}?"
                        r"\b(?:funded|funding|headcount|staffed|budget (?:approved|signed off))\b", _F)
# A sentence that opens with "I <did something>" is an action even when it mentions a figure.
_ACTION_LEAD = re.compile(_I + rf"(?:{_ACTION_VERBS}|{_PAST_VERB})\b", _F)
_OUTCOME_LEAD = re.compile(r"^(?:(?:and|so|but)\s+)?(?:as a result|in the end|after that|since then|by the end|"
                           r"overall|the (?:result|outcome|impact)|within)\b|" + _ELAPSED + r"\b", _F)
I_WORD = re.compile(r"\bi(?:'m|'ve|'d|'ll)?\b(?!\s+(?:think|mean|guess|believe|feel|don't know|do not know)\b)", _F)
WE_WORD = re.compile(r"\bwe(?:'re|'ve|'d|'ll)?\b", _F)


_GOAL = re.compile(r"\b(?:my|our|the) (?:goal|task|target|ask|aim|objective|challenge)\b", _F)
_MEASURED_OUTCOME = re.compile(r"\bfrom (?:[^.]|\.(?=\d)){1,30}? to\b|\bby (?:about |roughly )?\d|\bas a result\b|\bin the end\b|"
                               r"\b(?:went|grew|rose|fell|dropped) (?:up |down )?(?:by )?\d+(?:\.\d+)? ?(?:percent|%)",
                               _F)


_AT_NAME = re.compile(r"\bat [A-Z][a-z]+\b")       # "at Acme": a place of work (needs the capital letter)


# "The ranker I rebuilt lifted purchases by 4 percent": the speaker's verb sits in a relative clause inside the
# subject, so the sentence is about what the subject did (its main verb), not an act of the speaker.
_REFLECTION = re.compile(r"\b(?:i learned|looking back|in hindsight|i would have|what i took from|the lesson "
                         + _LESSON_TOLD + r"|" + _REDO + r")\b", _F)
# ("The first thing I did was ask ..." names the act itself: a copula after the clause is not another subject's verb.)
_RELATIVE_LEAD = re.compile(r"^(?:the|our|my|that|this|a|an) (?:[a-z-]+ ){1,4}?(?:i|we) (?:[a-z]+ed|" + _IRREGULAR_PAST +
                            r")\b(?= (?!(?:a|an|the|it|them|him|her|our|my|that|this|to|on|with|for|in|at|from|into|up|out|"
                            r"down|over|was|is|were|are|myself|ourselves|first|then|there)\b)[a-z]+)", _F)


_CHANGE_MEASURED = re.compile(_CHANGE + r"[^.]{0,80}?" + _NUMWORD, _F)

# A habit that started after the story is its lasting outcome: "Since then I try to look at the raw rows first".
_CHANGED_HABIT = re.compile(r"^(?:(?:and|so|but)\W+)*(?:since then|ever since|from then on|these days|to this day|now),? "
                            r"(?:i|we|the team|everyone|every \w+)\b", _F)
# Another party's agreement that closes the story is its outcome: "She agreed, and we switched the region over",
# "She kept the launch, approved the loading, and asked for a monthly line".
_CLOSING_AGREED = re.compile(r"^(?:(?:and|so|in the end|eventually|finally)\W+)*(?!(?:i|we)\b)(?:she|he|they|everyone|"
                             r"both \w+|the (?:[a-z-]+ ){0,2}(?:team|teams|lead|leads|director|manager|vp|owner|board|"
                             r"council))(?: all| finally| eventually| just)?(?: \w+(?: \w+){0,3},)? (?:agreed|signed off|approved|said yes|accepted|went (?:along )?with "
                             r"(?:that|it|this|the|our|my))\b",
                             _F)

# The decision the story was about, landed, told last: "We shipped a distilled version instead."
_CLOSING_CHOSEN = re.compile(r"^(?:(?:and|so|in the end|eventually|finally)\W+)*(?:we|the team|they|everyone)\s+(?:\w+\s+)?"
                             r"(?:shipped|launched|went with|adopted|chose|settled on|rolled out|kept|built)\b[^.]*"
                             r"\b(?:instead|in the end|in its place|after all)\b", _F)

# How things stand since, told by someone else's clause at the close: "she now brings me the routes she wants tested",
# "the template is now owned by their analyst, who has since added a check", "... and now it does".
_LASTING = re.compile(r"\b(?:she|he|they|it|who|which|everyone|the (?:[a-z-]+ ){0,2}?[a-z-]+) (?:now|has since|have since) "
                      r"[a-z]+|\b(?:is|are) now (?:[a-z]+ly )?[a-z]+ed\b|\bnow (?:it|they|she|he) (?:does|do)\b", _F)

# A sentence that opens with a habit, a belief, a hypothetical or a description of oneself is an aside to a story:
# "I also believe in ...", "If I were given a vague goal, I would ...", "I'm very comfortable with ...", "For me, X is ...".
_ASIDE_LEAD = re.compile(r"^(?:(?:so|and|but|then|well|um|uh|honestly|also|yeah)\W+)*(?:if\b|i (?:also |really |generally )?"
                         r"(?:would|'d|will|believe|think|feel|usually|always|generally|typically|tend|try|like|prefer|"
                         r"make sure)\b|i'?m (?:very|always|generally|pretty|really|the (?:person|one)|comfortable|good)\b|"
                         r"i am\b|for me\b|to me\b|my (?:approach|philosophy|style|rule|way) is\b|"
                         r"i(?: have|'ve) (?:done|always|never|been)\b)", _F)
# How success was measured is the setting, not an outcome: "We measured success by the share delivered in two days".
_SUCCESS_DEF = re.compile(r"\b(?:we|i) (?:measured|defined|judged) success (?:by|as)\b|\bsuccess (?:was|meant) "
                          r"(?:measured |defined )?(?:by|as)?\b", _F)
# A sentence that opens with a plan or a view is not an event of the story, whatever tense its clauses use:
# "um first i'd pull every page from the last two months ...", "For me, direction is about ...".
_OPENS_ASIDE = re.compile(r"^(?:(?:so|and|then|first|next|um|uh|okay|ok|well)\s*,?\s*)*(?:(?:the (?:first|next) "
                          r"(?:thing|step) )?(?:i|we)(?:'d| would| will)\b"
                          r"(?! have\b)(?![^.]*\b(?:again|differently|over)\b)|(?:for me|to me|in my view|in my opinion),|"
                          # "My view is that a shared platform piece has to be earned ...": a view, not the scene
                          r"my (?:view|belief|position|take|rule of thumb|instinct|philosophy|opinion) (?:is|has always been)\b|"
                          # the answer's own claim, in the present: "honestly the main reason is that my team got
                          # reorganised" gives a reason, it sets no scene
                          r"(?:(?:honestly|to be honest|frankly),?\s+)?(?:the|my) (?:main |real |big |biggest |honest |simple )?"
                          r"(?:reason|motivation|draw) (?:is|would be)\b)", _F)
# A later clause whose subject became the standard, or is still in use, is the outcome even after an "I did" opening:
# "I wrote the postmortem, and the freshness check became the standard for every pricing model".
_BECAME_STANDARD = re.compile(r"(?:,|\band|;)\s+(?!(?:i|we)\b)(?:the |our |their |its |that |this )?[a-z-]+(?: [a-z-]+){0,9} "
                              r"(?:became|become|is now|are now) (?:the|a|our|their) (?:[a-z-]+ )?(?:standard|default|"
                              r"template|norm)\b|"
                              # "..., and it is still how the group ships models today"
                              r"(?:,|\band|;)\s+(?!(?:i|we)\b)(?:it|that|this|they|the [a-z-]+(?: [a-z-]+){0,3}) (?:is|are) "
                              r"still (?:how|the way|what|in use|used|running|in production)\b", _F)


# A closing clause that only dates the sentence by the speaker's own move: "the model was in good shape by the time
# I left", "the backlog was gone by the time we launched" (the time, not a step told).
_CLOSING_WHEN = re.compile(r"(?:,\s*|\s)by the time (?:i|we) (?:[a-z']+ ){0,3}?[a-z']+[.!?]*\s*$", _F)
# A date promised is a deadline, not a time the story reached: "a client signed for it by the end of the quarter, and
# sales had promised it" (the date is read out of the outcome cues).
_PROMISED = re.compile(r"\b(?:promised|promise|committed|commitment|deadline|due|deal|contract|signed up|"
                       r"agreed to deliver)\b", _F)
_BY_END = re.compile(r"\bby the end of (?:the|this|that|next|our|its|their) (?:[a-z]+ )?(?:day|week|month|quarter|half|"
                     r"year|sprint|season)\b", _F)
# The speaker's own need or call ("so i had to work out what it meant ..."), read with the step that follows it
_OWN_NEED = re.compile(r"\b(?:i|we) (?:had|needed) to\b", _F)
# A step told with a verb whose past is its present ("I set up a weekly review", "so we put it on ten percent"): no
# tense marks it, so it is read as a step of the story all the same
_TENSELESS_ACT = re.compile(r"\b(?:i|we)(?: [a-z]+ly| also| then| just| first)? (?:" + "|".join(_SAME_IN_PRESENT) +
                            r"|tied|led)\b", _F)
# The speaker's arrival told as a time clause: "when I took over the area", "when we first joined"
_ARRIVAL_WHEN = re.compile(r"\bwhen (?:i|we) (?:first )?(?:took over|joined|inherited|arrived|started)\b[^,;.]*", _F)
