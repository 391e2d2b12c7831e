"""The staff signals: what a rubric's staff descriptors ask for, as cue phrases (see `rubrics/rubrics/*.toml`,
`staff_signals`). Each maps a signal id (coach.domain.STAFF_SIGNAL_IDS) to the pattern that shows it."""
from __future__ import annotations

import re

_F = re.IGNORECASE
# Another team taking up the speaker's practice for its own work: "the collections team later picked up the same
# checklist for their own models" (scope beyond the team, and a practice that outlasts the project).
_TAKEN_UP = (r"(?:the|another|a) [a-z-]+(?: [a-z-]+)? team (?:later |then |since |also |soon )?(?:picked up|took up|adopted|"
             r"reused|copied|borrowed) (?:the same|our|my|this|that|it)\b|"
             # ... or made it their starting point: "the compliance team used our model card as the template for ..."
             r"(?:the|another|a) [a-z-]+(?: [a-z-]+)? team (?:later |then |since |also |soon |now )?used (?:our|my|this|that|"
             r"it)\b[a-z -]{0,30}? as (?:the|a|their) (?:template|standard|default|blueprint|starting point|reference)\b")
# The work split between two named teams, each with its part: "the model team owns training and the score; the risk
# team owns thresholds and rules" (parts that serve more than one team, and who decides what).
_OWNS = r"(?:owns?|runs?|keeps?|decides?|sets?|is responsible for|takes care of)"
_TWO_OWNERS = (rf"\b(?:the|a|our) [a-z-]+ team {_OWNS}\b[^.]{{0,160}}?\b(?:the|a|their|our) (?:other )?[a-z-]+ team "
               rf"{_OWNS}\b")
STAFF_SIGNALS: dict[str, re.Pattern[str]] = {
    "scope across teams": re.compile(
        r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a dozen|dozens of|several|multiple|"
        r"other|all|every|partner|both|\d+) (?:(?!of )[a-z]+ ){0,2}(?:teams|groups|divisions|departments|product areas|"
        r"business units)|cross[- ](?:team|functional)|org(?:ani[sz]ation)?\b|company[- ]wide|"
        r"the (?:whole |entire )?(?:area|org|company)|across (?:the )?(?:company|org|teams|the area)|"
        r"another team|other team'?s|platform|"
        # two teams named ("the flights and car-hire ranking teams"), or another function's people ("the finance
        # director and the head of support")
        r"the [a-z-]+(?: [a-z-]+)? and (?:the )?[a-z-]+(?: [a-z-]+){0,2} teams|"
        # ... each as a team of its own: "the dubbing team and the audio description team"
        r"the [a-z-]+(?: [a-z-]+)? team and the [a-z-]+(?: [a-z-]+)? team\b|the (?:[a-z-]+, ){1,4}[a-z-]+,? and "
        r"(?:the )?[a-z-]+ teams|"
        # teams named one by one, or a team and another function, that each hold a part of the work: "the fraud team,
        # the payments team and finance all own a piece of this" (not teams that only review it)
        r"the [a-z-]+ team,? (?:the [a-z-]+ team,? )*(?:and|or) (?:the [a-z-]+ team|finance|legal|support|sales|"
        r"marketing|risk|compliance|security|operations|product),? (?:all |each |both |will |would |then )?(?:end up )?"
        r"(?:owns?|share|shares|run|runs|pay|pays|paying|depend|depends|use|uses|rely|relies|consume|consumes|feed|"
        r"feeds)\b|"
        r"(?:finance|legal|support|sales|marketing|risk|compliance|security|operations|customer service|policy|product|"
        r"design|analytics) (?:director|org|vp|leadership)|" + _TWO_OWNERS + "|"
        r"heads? of (?:finance|legal|support|sales|marketing|risk|retention|compliance|security|operations)|" + \
        _TAKEN_UP + "|"
        # others taking up what the speaker made: "search and trust and safety have since adopted that contract format
        # ..., so it spread beyond our model"
        r"(?:have|has) since (?:adopted|taken up|picked up|copied|reused) (?:that|the|our|my|this)\b|"
        r"spread (?:beyond|past|outside) (?:our|my|the|one) (?:own )?(?:model|team|project|system))", _F),
    "influence without authority": re.compile(
        r"\b(?:convinced|aligned|persuaded|without (?:formal |any )?authority|(?:managed|ran|led|owned) none of "
        r"(?:them|those|these|the)|asked (?:each|every|both|all the|the) (?:team |other )?leads?\b|"
        r"none of (?:them|whom|those|these|the)"
        r"(?: [a-z]+){0,2} (?:reported|reports?)|(?:teams|leads|people|engineers) (?:who|that) (?:didn'?t|did not|don'?t) report|"
        r"(?:didn'?t|did not|don'?t) report to me|buy-?in|design review|architecture review|rfc|invited|negotiated|"
        r"won over|leads of|tech leads|with (?:their|that team'?s|the other|those teams'?|partner teams'?|both teams'?|(?:the )?other teams'?) leads?|"
        # agreement won from people outside one's line: "agreed a schedule with the three leads", "approved by the council"
        # ... or the rules written with them: "I wrote the launch rules with the localisation leads"
        r"(?:agreed|aligned|negotiated|settled|worked out|wrote|drew up|defined|set) (?:[a-z]+ ){0,5}with "
        r"(?:the |their |those |both |all |each )?"
        r"(?:[a-z]+ ){0,2}(?:leads|directors|managers|teams|partners|owners|heads)|"
        # the same told the other way round: "With product I would settle on a plan in two steps"
        r"with (?:the )?(?:product|design|finance|legal|marketing|operations|ops|sales|support|research|[a-z]+ team)"
        r"(?: team| leads?)?,? (?:i|we)(?:'d| would| will|'ll)? (?:then )?(?:settle|settled|agree|agreed|align|aligned|"
        r"negotiate|negotiated|work out|worked out)\b|"
        r"(?:approved|endorsed|adopted) by (?:the |an? )?"
        r"(?:[a-z]+ ){0,2}(?:council|board|committee|forum|leads|directors|group)|with input from|"
        r"(?:got|brought) (?:[a-z]+ ){0,5}(?:on board|to agree|to sign off|to adopt|to fund)|persuad\w*|"
        # the leads of the teams that disagreed brought together: "I got their leads into one room with the logs"
        r"(?:got|brought|pulled|put) (?:their|the|both|all the|the two|the other) (?:[a-z-]+ )?leads (?:into|in) "
        r"(?:one|a|the same) room|"
        # the person who owns the decision in another line brought into the room: "I also brought the head of nursing
        # into the meeting, because she owns the rota"
        r"(?:brought|invited|pulled) (?:in )?(?:the|their|our) (?:[a-z-]+ ){0,2}(?:head|lead|director|owner|manager|chief)"
        r"(?: of [a-z-]+(?: [a-z-]+)?)? (?:into|to|in on) (?:the|that|our) (?:meeting|room|review|discussion|decision|call)\b|"
        # going round the leads of other teams: "I spent a month talking to each team lead"
        r"(?:talking|talked|spoke|speaking|met|meeting) (?:to|with) (?:each|every|all the|all|the other) (?:[a-z]+ )?"
        r"(?:team )?leads?\b|"
        r"leads? from|other tech leads|"
        # "I went to the other two team leads", "I didn't manage any of those people"
        r"(?:went|talked|spoke|took (?:it|this|them)) to (?:the|all the|each of the) (?:other (?:two |three |four |five |six |"
        r"\d+ )?|(?:two|three|four|five|six|seven|eight|\d+) (?:other )?)(?:[a-z-]+ )?(?:team )?(?:tech )?leads\b|"
        r"(?:i|we) (?:did not|didn'?t|do not|don'?t) (?:manage|run|lead|own) (?:any of )?(?:those|these|them|the other|their)\b|"
        # the case taken to the other team's lead in person, or their engineers brought into the work: "I went to their
        # lead with twenty examples", "with one engineer from each of the other two teams working with me"
        r"(?:went|talked|spoke|took (?:it|this|them)) to (?:their|the other team'?s|that team'?s) (?:tech )?(?:lead|manager)\b|"
        # ... or to the lead of another function, named by what it does: "I went to the merchandising lead first"
        r"(?:went|talked|spoke|took (?:it|this|them)) (?:first )?to (?:the|their) (?!(?:tech|team|engineering|project|"
        r"hiring)\b)[a-z-]+ (?:team'?s? )?(?:lead|manager|director|owner)\b|"
        r"(?:an? |one |two )?engineers? from (?:each of )?(?:the |both |all )?(?:other |partner )(?:[a-z]+ )?teams|"
        # a case taken to people who own other teams: "took it to the two directors who owned those teams"
        # ... or to the lead of the function the decision belongs to: "I took it to the fraud lead and the data scientist"
        r"(?:took|brought) (?:it|this|that|the case|the evidence|the numbers|the results?) (?:[a-z ]{0,20})?to (?:the|their) "
        r"(?!(?:team|tech) )[a-z-]+ (?:lead|director|head|vp)\b|"
        r"(?:took|brought|pitched|presented) (?:it|this|that|the case|the proposal|the plan|a (?:[a-z-]+ )?(?:case|"
        r"proposal|plan|page)) (?:[a-z ]{0,30})?(?:to|through) (?:the |our |their |both |two |three |four |five )?(?:[a-z-]+ ){0,2}"
        r"(?:directors?|vps?|leads|leadership|heads? of|managers)\b|"
        # someone outside the speaker's line: "not in my reporting line", "on the ads team, not mine"
        r"not (?:in )?my (?:reporting line|team|org|report)\b|\bteam,? not mine\b|outside (?:my|our) (?:team|org|"
        r"reporting line)|"
        # other teams taking it up since: "the finance and recruitment teams have since run seven reviews through it"
        r"\bteams (?:have|had) (?:since|now|all) (?:run|used|adopted|followed|reused|copied|taken up|gone through)\b|"
        r"(?:teams|people|engineers|groups|orgs) (?:that |whom |who )?(?:i|we) (?:do not|don'?t|did not|didn'?t) "
        r"(?:manage|run|lead|own)\b|"
        r"worked with [a-z ]{0,20}lead|workshop|one on one|"
        # building on another team's work with the people who own it: "generalised it together with its owner"
        r"(?:together|worked|working) with (?:its|their|the other team'?s|that team'?s|the [a-z-]+ team'?s) (?:owners?|authors?|leads?|"
        r"engineers?|maintainers?)|"
        # persuasion by showing and helping: presenting to peers, pairing with other teams' engineers
        r"(?:presented|took|brought|pitched) (?:[a-z]+ ){0,3}(?:at|to) (?:the|our|a) (?:[a-z']+ ){0,3}(?:review|forum|"
        r"meeting|leads|council|guild)|offered to (?:pair|help|sit)|(?:sat|paired|side by side) with (?:an? |the )?"
        r"(?:engineers?|leads?|someone) from|(?:sat|sitting|paired|pairing|worked|working) with (?:their|that team'?s|"
        r"the other team'?s) (?:engineers?|leads?)\b|"
        r"walked (?:each|every|both|the) [a-z ]{0,30}through|"
        # others' agreement is what influence produces: "both orgs signed off", "all three teams adopted it"
        r"(?:both|all|the other|other|partner|\d+|two|three|four|five|six|seven|eight|nine|ten) (?:[a-z]+ )?"
        r"(?:teams|leads|orgs|groups|sides|directors) (?:[a-z]+ )?(?:adopted|agreed|signed off|approved|bought in|copied|"
        r"moved (?:over )?to (?:it|them|ours|our|the shared)|switched to (?:it|ours|our|the shared)|migrated to (?:it|ours|our)|"
        r"(?:now )?(?:use|rely on|depend on|build on) (?:it|them|the|our))|"
        # the same told as a plan: "I'd circulate it as a draft to those teams' leads", "I'd ask the leads to review"
        r"(?:i'?d|i would|i will|i'?ll) (?:[a-z]+ ){0,3}(?:circulate|share|take|bring|send|walk|ask|invite|pitch) "
        r"(?:[a-z']+ ){0,6}(?:leads|directors|partners|teams'?|owners)\b|"
        # winning over people one does not manage: taking the case to another team's manager, turning up at other
        # teams' meetings with their own numbers, having no say over the decision, having to convince them
        r"(?:took|brought|showed|sent) (?:[a-z'-]+ ){0,4}to (?:their|the other team'?s|the [a-z-]+ team'?s|another team'?s|"
        r"each team'?s|every team'?s) (?:[a-z-]+ )?(?:manager|lead|director|vp|head|leadership)|"
        r"(?:went|came|talked) to (?:each|every|their|the other|other) (?:team'?s?|org'?s?|group'?s?) (?:[a-z-]+ ){0,2}"
        r"(?:meetings?|standups?|reviews?|syncs?|leads?)|(?:had|have|has|with) no (?:say|authority|control|power) over|"
        r"convinc\w+|"
        # a commitment asked of people one does not manage: "had the product director and the partner team sign them"
        r"had (?:the |our |their |both |all )?[a-z' -]{0,50}(?:directors?|leads?|teams?|partners?|owners?|vp|heads?) "
        r"(?:sign|agree|commit|review)|"
        # a senior leader persuaded: "Our chief operating officer wanted ... I recommended ... She agreed"
        r"(?:chief [a-z]+ officer|coo|ceo|cfo|cto|vice president|svp|vp)\b[\s\S]{0,700}?\b(?:i|we) (?:recommended|proposed|"
        r"suggested)[\s\S]{0,300}?\b(?:she|he|they) (?:agreed|accepted|signed off|approved|said yes)|"
        # a proposal that someone in another line accepted: "I proposed a combined objective ... The product director agreed"
        r"\b(?:i|we) (?:proposed|recommended|suggested)\b[^.]{0,250}?[.;] (?:and )?(?:the|their) (?:[a-z-]+ ){1,2}(?:director|"
        r"vp|head|lead|leads|manager|owners?) (?:agreed|accepted|signed off|said yes|approved)|"
        # a case made to someone outside the speaker's line and their yes: "I showed her and her manager the replay ...
        # and proposed two weeks of shadow mode ... She agreed"
        r"\bi (?:showed|walked) (?:him|her|them|the [a-z-]+ (?:team|lead|leads|manager|director))\b[^.]{0,200}?\b(?:and )?"
        r"(?:proposed|recommended|suggested)\b[^.]{0,250}?[.;] (?:and )?(?:she|he|they|both|the (?:[a-z-]+ )?(?:team|lead|leads))"
        r" (?:agreed|accepted|signed off|said yes|came round|came around)|"
        # a team that did not want it, won over by the speaker's work with them: "The collections team did not want it
        # ... so I sat with them and we added a fast path"
        r"(?:team|they|leads?|owners?) (?:did not|didn'?t|would not|wouldn'?t|refused to) (?:want|accept|agree|adopt)\b"
        r"[^.]{0,160}?\b(?:so )?i (?:sat|met|paired|worked|offered|spent)\b)\b",
        _F),
    "long-term direction": re.compile(
        r"\b(?:roadmap|strateg\w*|direction|vision|long[- ]term|multi[- ]year|(?:next|over the next) (?:two|three|"
        r"few|\d) years|(?:next|for the next|over the next) year|the standard|a standard|standard for|the default|"
        # a plan in stages over time: "a two-phase plan", "in three phases"
        r"(?:two|three|four|multi)[- ]phase|in (?:two|three|four) phases|"
        r"for years|phased|north star|bets?|standards?|charter|multi[- ]quarter|(?:two|three|four|several|\d+) quarters|"
        r"deprecat\w+|migration plan|after i (?:moved on|left|moved teams)|still (?:owns?|runs?|uses?|in use)|"
        # a guard put on every case of its kind, so the lesson outlasts the incident: "freshness checks on every
        # external feed", "a review gate for all model launches"
        r"(?:checks?|alerts?|gates?|guards?|limits?|contracts?) (?:on|for) (?:every|each|all|any) (?:[a-z-]+ ){0,2}(?:feeds?|"
        r"models?|pipelines?|launch(?:es)?|releases?|sources?|tables?|vendors?)\b|"
        # a practice made the rule for the work around it: "the guardrail is now required on every experiment"
        r"(?:is|are|was|were|became|become) (?:now )?(?:required|mandatory|compulsory) (?:on|for|in|by) (?:every|all|each|"
        r"any)\b|"
        # ... or by the body that governs it: "the review board made the report mandatory", "made it a requirement"
        r"\b(?:made|has made|have made) (?:it|them|the [a-z-]+(?: [a-z-]+)?|our [a-z-]+|my [a-z-]+) (?:mandatory|compulsory|"
        r"a requirement|required)\b|"
        # adoption across an organisation is direction set: "within two quarters all seven teams were on it"
        r"(?:all|both|every one of the|most|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|"
        r"dozens of|twenty) (?:of the )?(?:[a-z]+ ){0,2}(?:teams|orgs|groups)(?: (?:in|across) (?:the|our) (?:company|org|"
        r"group))? (?:now )?(?:were on|are on|rely on|moved|"
        r"adopted|switched|use|now|run|build on|depend on|(?:depended|relied|ran|built) on (?:it|them)\b|opted in|signed up|joined|copied|took up|reused|call|"
        r"go through)|"
        r"\bteams (?:have|had) (?:since|now|all) (?:run|used|adopted|followed|reused|copied|taken up|gone through)\b|"
        # what the organisation's work now passes through: "every one of the twenty-two production models now goes
        # through a check I designed", "a review that the planning, pricing and network teams all use now"
        r"every one of (?:the |our )?(?:[a-z'-]+ ){0,3}(?:models|teams|services|pipelines|launches) (?:now )?"
        r"(?:goes|go|runs?|passes|pass) through|teams (?:all|now|still) (?:use|run|call|follow|rely on|go through)\b|"
        # the copies it replaced switched off: "the two half-built copies were retired"
        r"(?:copies|duplicates|forks|versions|clones) (?:were|was|got|have been) (?:retired|deprecated|decommissioned|"
        r"switched off|shut down)|"
        # handed on so it outlasts the speaker: "the platform team took over the gate", "it has since been extended"
        r"(?:team|group) took over (?:the|its|our|my)|(?:has|have) since (?:been )?(?:extended|spread|rolled out|adopted)|"
        # retiring the old system, or a standing mechanism, changes how the organisation works from then on
        r"(?:retired|deprecated|decommissioned|sunset) (?:the|our|an?) (?:old|legacy)|"
        # a practice the people around it now ask for on every case: "the head of risk now asks us to plan the monitoring
        # before any campaign", "became part of how the feed team reviews every launch"
        r"\bnow (?:asks?|requires?|expects?|insists?) (?:us |me |for )?[^.]{0,60}?\bbefore (?:[a-z]+ ){0,3}?(?:any|every|each|all)\b|"
        r"became (?:a |the )?(?:standard )?part of how (?:the |our |their |every |each )?[a-z -]{0,30}?(?:reviews?|works?|"
        r"ships?|launch(?:es)?|builds?|runs?|plans?|trains?|releases?)\b|"
        # other teams retiring their own copies once they took up the speaker's: "retired their own jobs"
        r"(?:teams?|they|both) (?:[a-z]+ ){0,2}(?:retired|deprecated|decommissioned|switched off|shut down) "
        r"(?:[a-z]+ ){0,8}?(?:their|its) own|"
        # handed over so it lasts: "it now has an owning team with an on-call rotation"
        r"(?:has|have|with|to) (?:an? |its own |their own |two |dedicated )?(?:owning team|owners? in|on-?call rotation)|"
        r"(?:its|their) own team (?:of \w+ )?with an on-?call (?:rota|rotation)|"
        r"(?:a|the) (?:standing |regular )?(?:weekly|fortnightly|biweekly|monthly|quarterly) (?:half[- ]hour|hour|review|forum|council|"
        r"process|slot|meeting)|"
        # a mechanism others now follow: offered to any team, the pattern other teams use, every model sent for review
        r"(?:to|for) (?:any|every) (?:other )?team (?:that|who|[a-z]+ing\b)|"
        # the same mechanism reused by the work that came after: "the next three models went through the same checklist"
        r"(?:next|later|following|other) (?:[a-z-]+ ){0,3}(?:models|projects|launches|teams|features|"
        r"pipelines|services|systems) (?:[a-z]+ ){0,3}"
        r"(?:went through|used|followed|adopted|reused|took up) the same|"
        # "the audio description team now run their model changes through the same suite", "two other groups have
        # taken that approach up", "six teams, including ads, now run every candidate model through it"
        r"\bteams? (?:now|still|also) (?:run|runs|use|uses|follow|follows|put|puts|send|sends) (?:[a-z']+ ){0,4}"
        r"(?:through|on|with|to) (?:the same|it|our|my)\b|"
        r"\b(?:teams|groups|orgs) (?:have|has) (?:since |now |also )?(?:taken|picked) (?:[a-z]+ ){0,3}up\b|"
        r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many) (?:other )?(?:teams|groups), "
        r"[^,.]{3,60}, (?:now|all|still) (?:use|run|rely on|depend on|build on)\b|"
        r"the (?:pattern|template|blueprint|playbook|recipe) "
        r"(?:that )?(?:the )?(?:other|every|all|most) (?:[a-z-]+ ){0,2}teams|(?:sends?|sending|brings?|bringing|routes?|"
        r"routing) (?:us |me )?(?:every|all|each) [a-z -]{0,30}(?:for|through|to) (?:a |the |our )?(?:review|sign-?off)|"
        # a practice others took up: "became the template for the flights and car-hire teams, who now run ..."
        + _TAKEN_UP + r"|"
        r"became (?:the|our|a|an) (?:[a-z-]+ )?(?:template|standard|default|blueprint|playbook|pattern|reference) "
        r"(?:for|across|in) (?:the |our |every |all |other )?[a-z ,-]{0,40}(?:teams?|orgs?|groups?|company))\b", _F),
    # the technical-screen rubric's staff bar: where the textbook view breaks at scale or in production
    "limits in production": re.compile(
        r"\b(?:in production|at scale|at serving time|(?:the )?(?:live|serving) (?:model|traffic|system|path)|"
        r"online (?:values?|features?|traffic)|(?:billions?|millions?) of (?:rows|users|events|examples|requests)|"
        r"(?:textbook|the (?:usual|standard) advice|the theory) (?:[a-z]+ ){0,3}(?:breaks?|fails?|misses)|"
        r"(?:doesn'?t|does not|won'?t) (?:fit|scale)|(?:on|in) (?:a|an|our|my) [a-z -]{0,30}(?:model|system|pipeline)"
        r"(?: of (?:mine|ours)| we| i|,)|(?:rare|long[- ]tail) [a-z ]{0,20}(?:vanished|disappeared|dropped out)|"
        # what breaks in practice, told from experience: "most drops I've seen were upstream"
        r"(?:most|many|every|the) (?:[a-z]+ ){0,2}(?:i'?ve|i have|we'?ve|we have) (?:seen|debugged|hit|dealt with)|"
        r"in my experience|in practice|what (?:usually|actually|really) (?:breaks|goes wrong|happens)|"
        # the figure production gave, or traffic as it will arrive: "that is what we saw live", "real traffic"
        r"what we (?:saw|got|measured|observed|found) (?:live|online|in production|after launch)|"
        r"(?:real|live) traffic|"
        # a case from their own work where the offline view and production parted: "close to what production showed"
        r"what (?:production|the live (?:model|system|traffic)) (?:later |then |actually )?(?:showed|gave|did)|"
        r"the case i (?:remember|saw)|(?:looked|seemed|scored) (?:[a-z]+ ){0,2}(?:brilliant|great|perfect|too good|"
        r"amazing) (?:until|offline)|(?:in|at) my (?:last|previous) (?:role|job|team|company)|"
        # the ways live traffic breaks an offline assumption: units that interact, the model shaping its own data
        r"interference|spill-?overs?|network effects?|feedback (?:loops?|effects?))", _F),
    # ... and a guard or practice that protects many models
    "a guard for many models": re.compile(
        # (not an ensemble: "average several models", "combine three models")
        r"\b(?:(?<!average )(?<!averaging )(?<!combine )(?<!combining )(?<!blend )(?<!blending )(?<!stack )"
        r"(?:every|each|all|other|several|\d+|two|three|four|five|six|seven|eight|nine|ten|twenty(?:-odd)?|a dozen|"
        r"dozens of) (?:[a-z]+ ){0,2}(?:teams?|models|retrains?|launch(?:es)?|pipelines|reviews?)(?:'s)?\b|shared "
        r"(?:[a-z]+ ){0,2}(?:pipeline|check|gate|library|evaluation|platform|template|job|monitor|alert)|"
        r"launch (?:requirement|gate|checklist|criteria|process|review)|standing (?:check|gate|rule|review)|"
        # a check open to the whole organisation: "a weekly review where any team can bring a test before launch"
        r"any (?:other )?team (?:can|could|may|must|has to|brings?)\b|"
        r"(?:in|into) (?:the|our) (?:shared |training |evaluation )?pipeline|(?:a|the|our) (?:[a-z]+ )?standard\b|"
        # a check in the build stops every model that goes through it: "a check that fails the build if ..."
        r"(?:fails?|failing|breaks?|blocks?) the (?:build|ci|training job|release pipeline)|(?:in|into) (?:ci|the build)\b)",
        _F),
    # ... the choice framed by what a mistake costs the product and the people around the model
    "the cost of being wrong": re.compile(
        r"\b(?:costs? of (?:a |an |each |every |the )?(?:kind of |type of )?(?:false (?:positives?|negatives?|alarms?)|"
        r"errors?|mistakes?|being wrong|misses|a miss|wrong \w+)|what (?:each|a|every|the) (?:kind of )?(?:mistake|error|"
        r"miss|false \w+|wrong \w+) costs|(?:missed|false|wrong) [a-z]+ costs?\b|costs? (?:\w+ ){0,3}times (?:as much|more)|"
        # one error dearer than the other, said the other way round: "being late was three times more cost"
        r"times (?:more|as much) (?:cost|costly|expensive|harm|damage)\b|"
        r"guardrails?|(?:more|too many|fewer) false (?:alarms|positives|negatives|pages)|"
        r"which result means|(?:agree|agreed|decide|decided|fix|fixed|set|written(?: down)?|wrote(?: down)?|"
        r"write(?: down)?|pre-?registered|commit(?:ted)? to) (?:\w+ )?(?:in advance|up ?front|beforehand)|"
        r"the team that owns|"
        r"downstream (?:teams?|decisions?|consumers?))", _F),
    # the coding rubric's staff bar: how the code behaves at production scale ...
    "behaviour at production scale": re.compile(
        r"\b(?:stream(?:ing|ed)?|(?:doesn'?t|don'?t|does not|do not|won'?t) fit (?:in|into) memory|memory|"
        r"distributed|shards?|sharded|parallel|partitions?|cluster|workers?|map step|shuffle|"
        r"(?:billions?|millions?|a billion|a million) (?:of )?(?:rows|ids|items|events|users|points|records)|"
        r"coordinator|merge[sd]?|"
        # a batch that may be too large for one call is cut into bounded pieces: "in chunks of a fixed size"
        r"(?:in|into) (?:fixed[- ]size )?chunks|chunk(?:ed|ing) (?:it|them|the (?:batch|input|data))|backpressure)\b", _F),
    # ... and how it fails safely for the team that owns it
    "safe in a pipeline": re.compile(
        r"\b(?:validat\w+|log(?:s|ging|ged)?\b|deterministic\w*|fail(?:s)? (?:loudly|fast|safely)|raise[sd]? an? "
        r"(?:error|exception)|seed(?:ed)?|same (?:side|split|result|output) (?:tomorrow|every time|on every)|"
        r"shared library|document(?:ed)?|readab\w+|maintain\w*|idempotent)\b", _F),
    # the system-design rubric's staff bar: cost per month and headroom for growth ...
    "cost and headroom": re.compile(
        r"\b(?:(?:a|per) (?:month|year)|monthly|yearly|annual|headroom|growth|cost per|\$\s?\d|gpu[- ]hours?|"
        r"room (?:to|for) (?:double|triple|grow|growth|\w+x)|"
        r"(?:duplicated|duplicate|compute|cloud|total) (?:spend|bill)|"
        r"\d[\d,.]* (?:thousand |million )?dollars|dollars (?:a|per)|cost(?:s)? (?:us |them )?(?:about|roughly|around)|"
        # ... or the number that drives the architecture: "..., which is why it has to be a cheap two-tower model"
        r"(?:which|that) is why (?:it|we|the|this|only)|drives (?:the )?(?:whole )?(?:architecture|design)|"
        # ... said the other ways: "the latency budget drives everything", "the capacity math decides the topology"
        r"(?:drives|decides|dictates|determines|shapes) (?:the (?:whole |entire |rest of the )?(?:architecture|design|"
        r"topology|system)|everything(?: else)?)|"
        # capacity planned for a peak said as a multiple of the average: "with a peak of four times, I plan for about
        # 1,400 a second" (the headroom over the average, worked out)
        r"peak (?:of |at |around |about )?(?:\w+ ){0,3}(?:times|x)\b[^.;]{0,40}?\b(?:plan|size|provision|build)\w* "
        r"(?:for|to))\b",
        _F),
    # ... and trade-offs framed for the organisation: build against buy, shared against team-specific
    "organisation-level trade-off": re.compile(
        r"\b(?:build (?:it )?(?:or|against|versus|vs\.?|rather than) buy|buy(?:ing)? (?:a |the )?(?:managed|vendor|"
        r"off[- ]the[- ]shelf)|managed (?:product|service)|shared (?:platform|layer|service|stack|recipe|library|"
        r"model|parts?|pieces?|components?)|(?:make|build|turn) (?:[a-z]+ ){0,5}(?:shared|reusable)|"
        r"teams? (?:would |could )?stop (?:building|maintaining|running|writing) their own|(?:each|every|that|a) team "
        r"(?:owning|owns|keeps|maintain\w*|(?:is )?free to)|teams? (?:\w+ and )?own (?:their|its) |"
        r"(?:team|platform) (?:becoming|becomes|turns into|turning into) a (?:queue|bottleneck)|" + _TWO_OWNERS + "|"
        r"shared (?:base|core|foundation|backbone)|other (?:[a-z]+ )?teams? (?:stop|would|will|pay|bear)|cost (?:to|for) "
        r"(?:the )?other teams|team[- ]specific)\b", _F),
    # an estimate's staff bar (rubrics/rubrics/napkin-math.toml): the result checked against a figure known by heart or
    # worked another way ("that lines up with the roughly 30 GB we saw on the serving boxes") ...
    "a sanity check": re.compile(
        r"\b(?:sanity[- ]check\w*|cross[- ]check\w*|double[- ]check\w*|smell test|ballpark (?:check|of what)|"
        r"check(?:s|ed|ing)? (?:it |that |this |the (?:result|total|answer) )?against|"
        r"(?:lines?|lined) up with|(?:agrees?|agreed|matches|matched|consistent) with (?:what|the|our|a|about|roughly)|"
        r"(?:worked|working|work|coming|came|come) (?:it )?(?:at it )?from the other (?:side|direction|end)|"
        r"which is (?:about |roughly |close to )?what (?:we|i) (?:see|saw|measured|pay|paid|run|ran))", _F),
    # ... and the input the figure is most sensitive to ("the context length drives it: double it and so does the
    # cache")
    "the input that moves it most": re.compile(
        r"\b(?:(?:most|very|quite) sensitive to|the (?:biggest|largest|main|one) (?:lever|driver|knob|unknown|"
        r"uncertainty|swing factor)|dominat(?:es|ed|ing)|"
        r"(?:moves?|drives?|swings?) (?:it|this|that|the (?:answer|result|total|estimate|figure|count|bill|cost)) "
        r"(?:the )?most|"
        # ... or said as what a change in it does: "if answers grow to five hundred tokens we double to sixty"
        r"if (?:the |our |an? )?[a-z-]+(?: [a-z-]+){0,3} (?:grows?|doubles?|halves?|triples?|goes up|rises?|drops?|"
        r"falls?)\b[^.;]{0,50}?\b(?:we|it|that|this|the (?:total|count|fleet|bill|cost|answer|result)) (?:would )?"
        r"(?:doubles?|halves?|triples?|goes (?:up|to)|go (?:up|to))\b|"
        r"(?:double|halve|doubling|halving) (?:it|that|the [a-z]+(?: [a-z]+)?) and (?:so does|you double|"
        r"you halve|the (?:total|cost|answer|result|cache|memory|bill) (?:doubles|halves))|"
        r"the assumption (?:i'?m|i am|i would be) (?:least|most un)sure|drives? (?:the (?:whole )?(?:answer|total|"
        r"cost|result|estimate)|most of (?:it|the (?:total|cost|answer))))", _F),
}
DEFAULT_STAFF = ("scope across teams", "influence without authority", "long-term direction")
