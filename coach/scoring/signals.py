"""Cue phrases behind the dimension scores and gaps: trade-offs, production readiness,
ownership and scope, clarifying questions, technical vocabulary, and non-answers."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from coach.domain import Question
from coach.scoring.per_answer import once_per_answer
from coach.scoring.text import (STOPWORDS, Sentence, content_stems, first_matches, folded_matches, folded_search, stem,
                                words)

_F = re.IGNORECASE

TRADEOFF = re.compile(
    r"\btrade[- ]?offs?\b|\btrading\b[^.]{0,40}\bfor\b|\binstead of\b|\bthe (?:main |big |obvious )?downsides?\b|"
    # the other way taken, after the one named: "the naive way compares every pair. Instead I sort by score"
    # (the word first and the context looked back at: a branch opening on "^" or a mark made every position try it)
    r"\binstead(?:(?<![a-z] instead)|(?<=\bso instead)|(?<=\bbut instead)|(?<=\band instead)),? (?:i|we|you)"
    r"(?:'d|'ll| would| will)?\b|"
    r"\b(?:we|i|you) (?:gave|give|giving) up\b|\bgiving up\b|\bversus\b|\bvs\.?\s|\bat the (?:cost|expense|price) of\b|"
    # a gain bought at a named cost: "much cheaper per step, at some loss of quality"
    r"\bat (?:some|a|a small|a slight|a little|a big|the) (?:loss|cost) (?:of|in)\b|"
    # the other way taken once what it buys is not needed: "if exact counts aren't required I'd switch to buckets"
    r"\bif [^.;?!]{3,60}\b(?:aren'?t|isn'?t|is not|are not|not) (?:really |strictly )?(?:required|needed|necessary)\b"
    r"[^.;?!]{0,20}?\b(?:i'?d|i would|we'?d|we would) (?:switch|move|go|fall back|change)\b|"
    # one of the ways named, chosen for this case with its reason: "I'd pick the buckets here because ..."
    r"\b(?:i'?d|i would|we'?d|we would) (?:pick|choose|go with|take) (?:the |a )?[a-z-]+(?: [a-z-]+)? here because\b|"
    # the option not taken named as such, set beside the one taken: "the alternative was keeping the nightly batch
    # features", "the other option we had was a managed store"
    r"\bthe (?:other |main |obvious |only |real |cheaper |simpler )?(?:alternatives?|other options?)"
    r"(?: (?:i|we) (?:considered|looked at|weighed|had|rejected|turned down|passed on))? (?:was|were|would have been)\b|"
    r"\balternatively\b|\b(?:a|the|this|that) compromise\b|\b(?:chose|choose|choosing|picked|pick|picking|prefer|preferred|went with|go with|"
    r"opted for|favou?r|(?:i'?d|i would|we'?d|we would) (?:take|use))\b[^.]{0,60}\bover\b|"
    # a cost taken on knowingly: "accepting the higher memory cost", "we accepted some staleness"
    r"\baccept(?:s|ed|ing)? (?:the |a |some )?(?:\w+ ){0,2}(?:cost|price|risk|downside|hit|loss|staleness)\b|"
    r"\bi'?d rather\b|\bin exchange for\b|\bon the other hand\b|\bpros and cons\b|\bthe catch is\b|"
    r"\b(?:costs?|loses?|lose) (?:some|a bit of|a little)\b|\b(?:simpler|cheaper|faster|easier|quicker|safer)"
    r"(?: to \w+)? but\b|"
    # one way of working set against doing another: "n log k, much better than sorting everything", "cheaper than
    # retraining from scratch" (not "better than nothing")
    r"\b(?:better|cheaper|faster|safer|simpler|easier|quicker) than (?!(?:no|any|some|every)thing\b)[a-z]+ing\b|"
    # a limit set on one's own remedy, with its reason: "I'd retrain on recent data, but I wouldn't retrain on every
    # alert because that just chases noise"
    r"\bbut (?:i|we) (?:wouldn'?t|would not|won'?t|will not|don'?t|do not) (?!know\b|think\b|remember\b|see\b|"
    r"understand\b|have\b|care\b)[^.;?!]{3,70}?\b(?:because|since|as it|"
    r"as that|or else|otherwise)\b|"
    # each case matched to its own answer: "it matters when the score is a probability, whereas for pure ranking it
    # matters much less"
    r"\b(?:when|if|for)\b[^.;?!]{3,100}\bwhereas (?:for|when|if|with|on|in)\b|"
    r"\bbut (?:it|that) (?:costs?|means|meant|loses|lost|adds|added)\b|\bthe price (?:is|we pay)\b|"
    # a saving set against what it costs: "hosting it ourselves saves money but costs the team on-call time"
    r"\bsav(?:es|ed|ing|e) (?:\w+ ){1,3}?but (?:it |that )?(?:costs?|loses?|adds)\b|"
    # a comparison of costs is a trade-off: "won by a point but cost four times as much", "missing a fraud costs
    # the payment, while a false block costs a support ticket", "the threshold where the expected cost is lowest"
    r"\bbut (?:it |that |they )?(?:costs?|was|were|is|are|would be|runs?) (?:\w+ ){0,2}(?:times|more|less|slower|"
    r"faster|cheaper|pricier|costlier|harder|longer)\b|"
    r"\b(?:costs?|loses?|means)\b[^.;]{0,80}\b(?:while|whereas)\b[^.;]{0,60}\b(?:costs?|loses?|means)\b|"
    r"\bexpected (?:cost|loss|value)\b|\bcosts? (?:more|less) than\b|"
    # one error priced against the other: "a missed fraud costs about twenty times a false block", "from the cost ratio"
    r"\bcosts? (?:us )?(?:about |roughly |around |nearly |maybe )?(?:\w+[- ])?(?:times|x) (?:as much as |more than |what )?"
    r"(?:a|an|the|one)\b|\b(?:cost|error|loss) (?:ratio|matrix)\b|"
    # one outcome weighed against another: "send only when the chance of a useful open outweighs the chance of an opt-out"
    # a gain set against what it cost: "the gain was under half a point of NDCG while serving cost tripled"
    r"\b(?:gains?|lift|improvement|win|better|improved)\b[^.;]{0,80}\b(?:while|whereas|but)\b[^.;]{0,40}"
    r"\b(?:cost|costs|latency|memory|bill|spend)\s+(?:\w+\s+)?(?:tripled|doubled|quadrupled|rose|grew|went up|jumped|"
    r"increased|exploded)\b|"
    r"\boutweighs?\b|\bweigh(?:ed|ing|s)? (?:it |them |that )?against\b|"
    # the better option's gain judged against its price: "real-time would be a bit better, I just didn't think a bit
    # better was worth a quarter of two people"
    r"\b(?:didn'?t|did not|don'?t|do not) (?:really )?think (?:[a-z-]+ ){0,5}?(?:was|were|is|are|would be) worth (?:a|an|the|two|three|"
    r"four|\d|its|their|what|that)\b|"
    # the options named between: "I weighed a deep sequence model against gradient-boosted trees here"
    r"\bweigh(?:ed|ing|s)? (?:up )?(?:[\w-]+ ){1,6}?against\b|"
    # the better option priced in what it would add: "three points better on NDCG but it would have added forty
    # milliseconds", "more accurate, but it needs twice the memory"
    r"\b(?:better|more accurate|gains?|lift|improv(?:ed|ement))\b[^.;]{0,80}\bbut (?:it |that |this |they )?"
    r"(?:would (?:have )?|will |also )?(?:add(?:s|ed)?|adding|needs?|needed|doubled|tripled|doubles|triples|"
    r"(?:double|triple|add|need|cost)(?=\s))\b[^.;]{0,30}\b(?:\d|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|thirty|forty|fifty|hundred|twice|more|extra|another)\w*|"
    # two goods pulling apart, named: "the main tension is freshness against stability" (not a tension between
    # people: "a long-running tension between product and engineering")
    r"\bthe (?:main |real |key |big |central |core |obvious )?tension (?:here |there )?(?:is|was)\b|"
    # the downside of one's own choice named: "I'd go to four-bit weights ... The risk is quality, so I'd check it"
    r"\bthe (?:main |big |obvious |real )?risk (?:there |here |with (?:that|this|it) )?is\b|\bat the risk of\b|"
    # two measures that moved apart, said in one breath: "click-through went up three percent but retention dropped"
    r"\b(?:went up|rose|increased|improved|gained|grew|climbed|jumped)\b[^.;]{0,60}\bbut\b[^.;]{0,60}\b(?:went down|"
    r"dropped|fell|decreased|declined|slipped|got worse)\b|"
    r"\b(?:went down|dropped|fell|decreased|declined)\b[^.;]{0,60}\bbut\b[^.;]{0,60}\b(?:went up|rose|increased|grew|"
    r"climbed|jumped|doubled|tripled)\b|"
    # a cost weighed against what it buys: "streaming would have doubled the on-call load for little gain"
    r"\bfor (?:very |too )?(?:little|no|not much|marginal|(?:only )?a (?:small|tiny|marginal|slight)) (?:gain|benefit|"
    r"lift|improvement|return|upside|win)\b|"
    # the option taken, justified by what the other would have cost: "I picked batch because the features change
    # daily and streaming would have doubled the on-call load"
    r"\b(?:picked|chose|went with|opted for|decided on|settled on|kept)\b[^.;?!]{0,80}\b(?:because|since|as)\b"
    r"[^.;?!]{0,80}\b(?:would have|would've)\s+(?:doubled|tripled|cost|added|needed|meant|taken|required|slowed|"
    r"broken|blown)\b|"
    # a gain kept clear of its usual price, both sides named: "cut serving cost by a third without hurting the tail"
    r"\bwithout (?:hurting|losing|giving up|sacrificing|a drop in|dropping|any loss (?:of|in))\b", _F)
# Two courses set side by side for someone to choose: "I had to either show that or change my mind", "I would either
# wait out the delay or model it", "a small correction, either a logistic curve or a monotone fit" (not what a thing
# does either way: "the retrain either failed or ran on partial data"). Read only in a sentence that says "either".
_EITHER_OR = re.compile(
    r"\b(?:i|we|you)(?:'d|'ll| would| could| can| will| had to| have to| need to| needed to| must| should)? "
    r"(?:\w+ ){0,2}?either (?!way\b)[^.;?!]{3,120}?\bor\b|, either (?:by |a |an |to )[^.;?!]{3,120}?\bor\b", _F)

PRODUCTION: dict[str, re.Pattern[str]] = {
    "monitoring": re.compile(r"\bmonitor\w*|\bdashboards?\b|\bobservability\b|\btrack(?:ing)? (?:the )?\w+ "
                             r"(?:rate|latency|metrics?|drift|distribution)|"
                             # watching is ongoing by itself: "I'd watch the share of orders that arrive late per city"
                             r"\b(?:watch(?:es|ed|ing)?|keep(?:s|ing)? an eye on) (?:the )?(?:[\w/-]+ ){0,3}?"
                             r"(?:precision|recall|rates?|latency|latencies|metrics?|errors?|accuracy|auc|ctr|"
                             r"false (?:positives|negatives)|queue|backlog|volumes?|shares?|counts?)\b|"
                             # a quality or health figure watched again and again: "watch the precision ... every day"
                             r"\b(?:(?:watch|track|check|review|chart|plot|graph)(?:es|ed|ing|s)?|keep(?:s|ing)? an eye on) "
                             r"(?:the )?(?:[\w/-]+ ){0,3}?"
                             r"(?:precision|recall|rates?|latency|latencies|metrics?|errors?|accuracy|auc|ctr|"
                             r"false (?:positives|negatives)|queue|backlog|volumes?|agreement|shares?|counts?)\b[^.?!]{0,40}?\b(?:every (?:day|hour|week|"
                             r"morning|release|deploy)|daily|hourly|weekly|nightly|in production|over time|live|"
                             r"after (?:launch|release))\b", _F),
    "alerting": re.compile(r"\balert\w*|\bpages? the\b|\bon-?call\b", _F),
    "drift": re.compile(r"\bdrift\w*|\bdistribution shift|\bpopulation stability|\bpsi\b|\bskew\b", _F),
    "rollout": re.compile(r"\broll(?:ed|ing)? ?(?:it )?out\b|\brollouts?\b|\bramp\w*\b|\bgradual\w*|"
                          r"\bbehind a (?:feature )?flag\b|\bfeature flags?\b|\bregion by region\b", _F),
    "canary": re.compile(r"\bcanar(?:y|ies)\b", _F),
    "shadow": re.compile(r"\bshadow\w*", _F),
    # an experiment told by its parts: "a million users per arm", "the control group", "a sample ratio mismatch"
    "a/b test": re.compile(r"\ba/?b\b|\ba b test|\bab test|\bexperiments?\b|\binterleaving\b|"
                           r"\b(?:per|each|both|two|treatment|control) arms?\b|\b(?:treatment|control) groups?\b|"
                           r"\bsample ratio\b", _F),
    "rollback": re.compile(r"\broll(?:ed|ing)? ?back\b|\brollbacks?\b|\brevert\w*|\bkill switch\b", _F),
    "retraining": re.compile(r"\bretrain\w*|\bfine-?tune \w+ (?:daily|weekly)", _F),
    "slo": re.compile(r"\bslos?\b|\bslas?\b|\berror budget\b", _F),
    "fallback": re.compile(r"\bfallbacks?\b|\bfall back\b|\bgraceful(?:ly)? degrad", _F),
    # a held-back group judged over time: "keep a slice of users on the old system for two months"
    "holdout group": re.compile(r"\b(?:keep|hold|leave) (?:back )?(?:a|some|a small|one) (?:slice|share|group|cohort|"
                                r"percent(?:age)?) of (?:the )?(?:users|traffic|customers|accounts) (?:on|back|out|with)\b|"
                                r"\b(?:long[- ]term|long[- ]running) holdout\b", _F),
    # quality judged per segment, not only on the whole: "the error percentiles city by city"
    "slice evaluation": re.compile(r"\b(?:city|region|country|market|segment|slice|cohort) by (?:city|region|country|"
                                   r"market|segment|slice|cohort)\b|\bper[- ](?:city|region|country|market|segment|slice|"
                                   r"cohort)\b|\bon (?:each|every) (?:slice|segment|cohort)\b", _F),
    # load kept inside what the fleet can take: spare capacity planned, excess turned away or slowed, scaling on a
    # named signal ("add headroom to about a hundred", "shed the lowest-priority requests", "scale on queue length")
    "capacity": re.compile(r"\bheadroom\b|\bload shedding\b|\bshed(?:s|ding)? (?:the )?(?:[\w-]+ ){0,2}?(?:load|traffic|"
                           r"requests)\b|\brate[- ]limit\w*|\bback[- ]?pressure\b|\badmission control\b|"
                           r"\b(?:auto)?scal(?:e|es|ing) (?:up |out )?on (?:the )?(?:queue|backlog|load|latency|utili[sz]ation|"
                           r"gpu utili[sz]ation)\b", _F),
    "validation gate": re.compile(r"\b(?:validation|evaluation|quality) (?:gate|check)s?\b|\bholdout\b|"
                                  r"\bdata validation\b", _F),
}

SCOPE = re.compile(
    r"\b(?:org|organi[sz]ation|multiple teams|(?:two|three|four|five|six|seven|eight|all|other|every|partner|"
    r"several) (?:ml |ranking |product )?teams|cross[- ](?:team|functional)|roadmap|stakeholders?|leadership|"
    r"director|vp|company[- ]wide|platform|mentor\w*|hired|strategy|headcount|working group|buy-?in|"
    r"tech leads?|architecture review)\b", _F)

CLARIFY = re.compile(
    r"\bclarif\w*|\brequirements?\b|\bassum\w*|\bhow many (?:users|requests|items|queries)|"
    r"\bwhat(?:'s| is) the (?:scale|budget|latency|traffic|qps|goal)|\bbefore i (?:start|begin|dive|jump)|"
    r"\blet me (?:ask|make some)|\b(?:i'?d|i would|i will|i'?ll) (?:first |start by |begin by )?ask(?:ing)?\b|"
    r"\basking (?:what|how|about)\b|\bscope\b|"
    r"\bwhat are we optimi[sz]ing|\bsuccess metric|\bconstraints?\b|\blet'?s say\b|\bsay we (?:get|have)\b|"
    # asked as what the speaker would want to know first: "so first i'd want to know how many questions a day"
    r"\b(?:i'?d|i would) (?:first )?(?:want to|like to|need to) (?:know|find out|check|understand|confirm)\b|"
    # or as the figures the speaker would want in hand before designing: "first I'd want the peak read rate, the
    # latency for a read, and what we spend today"
    r"\b(?:i'?d|i would|i) (?:first )?(?:want|need|ask for) (?:the |our |a )?(?:[a-z-]+ ){0,3}(?:rate|latency|traffic|qps|"
    r"volume|budget|scale|load|spend)s?\b|"
    r"\bhow many [a-z]+ (?:a|per|each) (?:day|second|month|user)\b|"
    # the goal settled before the design: "the goal is people still using the app in two months", "start by asking"
    r"(?<!guess )(?<!think )(?<!maybe )\bthe (?:real |actual |true )?goal (?:is|should be|here is)\b|"
    r"\bstart(?:ing)? by asking\b|"
    # the questions put to whoever owns the problem, or the goal agreed with them before the design: "I would start
    # with the support lead: which products, how many questions ...", "I would first agree the goal with product"
    r"\b(?:start|begin) with (?:the |our |a )?[a-z-]+(?: [a-z-]+){0,2}: (?:which|what|how|who|when)\b|"
    r"\b(?:agree|pin down|settle|align on) (?:on )?(?:the |a )?(?:goal|objective|success (?:metric|measure))\b", _F)

TECH_TERMS = re.compile(
    r"\b(?:embeddings?|transformers?|two[- ]tower|ann|hnsw|faiss|ivf|scann|nearest neighbou?r|feature store|"
    r"gradient boost\w*|xgboost|lightgbm|logistic regression|random forest|neural net\w*|attention|kv cache|"
    r"quantiz\w*|distill\w*|pruning|batching|dynamic batching|sharding|shard\w*|replica\w*|cache|caching|redis|"
    r"kafka|flink|spark|parquet|object storage|cdn|load balancer|autoscal\w*|triton|onnx|tensorrt|gpu|tpu|"
    r"fp16|bf16|int8|fp32|precision|recall|auc|ndcg|calibrat\w*|isotonic|platt|class weights?|smote|"
    r"oversampl\w*|downsampl\w*|threshold|cross[- ]entropy|loss|gradients?|optimizer|learning rate|epochs?|"
    r"data parallel|model parallel|checkpoint\w*|fine[- ]tun\w*|lora|retrieval|ranker|ranking|candidate generation|"
    r"bm25|tf-?idf|point[- ]in[- ]time|training[- ]serving skew|leak\w*|backfill|streaming|batch|latency|p99|p95|"
    r"throughput|qps|heap|hash ?map|complexity|log k|n log n|psi|population stability|drift|holdout|a/b|"
    r"interleaving|counterfactual|uplift|bandit|exploration|cold start|feature crosses|cross features|"
    r"cross encoder|bi-?encoder|vector|index|partition\w*|idempoten\w*|consisten\w*|eventual|queue|backpressure|"
    r"schema|validation|great expectations|mlflow|kubernetes|containers?|tracing|profil\w*|garbage collection|"
    r"noisy neighbou?r|tail latency|p50|overfit\w*|underfit\w*|regulari[sz]\w*|cross[- ]validation|k-?fold|"
    r"(?:random|time[- ]based|grouped|group|temporal|time) splits?|offline metrics?|prediction time|train(?:ing)? set|test set|validation set|held[- ]out|"
    r"feature importance|target leakage|label\w*|imbalance\w*|class weights?|false positives?|false negatives?|"
    r"roc|pr auc|f1|log loss|sigmoid|softmax|dropout|early stopping|ensembl\w*|bagging|boosting|l1|l2|lasso|ridge|"
    r"elastic net|bias|variance|hyperparameters?|sparse|dense|hash map|min-heap|deque|sketch|amortized|o\(1\)|"
    r"o\(n\)|binary search|sorting|sort|ranks?|ties|"
    # retrieval-augmented generation and language models
    r"llms?|language models?|rag|chunk\w*|rerank\w*|keyword search|lexical|hybrid (?:search|retrieval)|"
    r"vector (?:search|database|store)|citations?|cites?|grounded|hallucinat\w*|prompts?|context window|tokens?|"
    r"guardrails?|evaluation set|golden set)\b", _F)

_NON_ANSWER = re.compile(
    r"\b(?:i (?:don't|do not|dont) (?:know|remember|really know)|no idea|^pass\b|\bpass\.?$|"
    r"skip (?:this|that|it)|next question|can'?t (?:really )?(?:answer|remember|think of)|cannot (?:answer|remember)|"
    r"haven'?t (?:really )?(?:worked (?:on|with)|done|had|seen)|no experience|nothing comes to mind|"
    r"i'?d rather not|repeat the question|rephrase|that'?s the question|look (?:it|that)(?: one)? up|no clue|"
    r"not my area|never (?:used|worked with|done) (?:it|that|them))", _F)
_WEAK_NON_ANSWER = re.compile(r"\b(?:it depends|not (?:really )?sure|(?:it was |it's )?fine|good question)\b", _F)
# An admission however it is hedged: "I don't really remember how...", "I honestly can't recall".
_ADMITS = re.compile(r"\bi(?:'m| am)? (?:(?:really|honestly|just|genuinely) )?(?:don'?t|do not|can'?t|cannot|never|"
                     r"wouldn'?t) (?:\w+ ){0,2}?(?:know|remember|recall|understand)\b", _F)
# Not knowing, said at more length: "I always mix those two up", "I couldn't give you the textbook difference
# off the top of my head". A non-answer when what else is said names nothing the question looks for.
_ADMITS_AT_LENGTH = re.compile(r"\bi (?:always |often |usually |tend to |sometimes )?(?:mix|muddle|get) (?:those|these|them|"
                               r"the two)(?: two)? (?:up|mixed up|confused)\b|\bi (?:couldn'?t|can'?t|cannot|wouldn'?t be able to) "
                               r"(?:\w+ ){0,3}?(?:give you|tell you|explain|define|spell out)\b[^.]{0,60}?"
                               r"\b(?:difference|definition|off the top of my head)\b", _F)
# Talk that commits to nothing: "great question, I'd look at it from a few angles, it depends on the context",
# "not sure really, I'm open to anything". A non-answer when nothing specific comes with it.
_EVASIVE = re.compile(r"\b(?:it (?:all |really |just )?depends|depends on (?:the )?(?:context|situation|case)|not (?:\w+ )?sure|"
                      # "there are pros and cons both ways", "every company is different", "I don't have a strong view"
                      r"pros and cons|every (?:company|team|org\w*|place|business|situation|case) is different|"
                      r"(?:don'?t|do not) (?:really )?have (?:a|any) (?:strong |firm |clear )?(?:view|opinion|take)|"
                      r"no (?:strong |firm )?(?:view|opinion) (?:either way|on (?:it|that|this))|"
                      r"(?:good|great|interesting|tough|hard) question|open to (?:anything|everything|whatever)|"
                      r"(?:a few|several|many|different|various) (?:angles|ways|factors|things)|hard to say|"
                      r"case by case|all sorts of|whatever works)\b", _F)
# Asking to skip the question: "would it be okay if we moved on to another question?", "can we come back to it
# later" (a request to the interviewer, not "we decided to skip this step").
_SKIP = re.compile(r"\b(?:(?:can|could|may|shall) (?:we|i)|(?:okay|ok|alright|fine) if (?:we|i)|mind if (?:we|i)|"
                   r"let'?s|let me)\s+(?:\w+\s+){0,2}?(?:mov(?:e|ed) on to (?:another|the next|a different)|"
                   r"skip (?:this|that)(?: one| question)?|c[oa]me back to (?:it|this|that)(?: one)? (?:later|at the end|afterwards?)|"
                   r"pass on (?:this|that))\b", _F)
# Asking for a hint or another question: "could you point me at where you'd start", "could we go to a different one".
_HINT = re.compile(r"\b(?:(?:can|could|would) you|is there any chance you could)\s+(?:\w+\s+){0,2}?(?:point me|give me "
                   r"(?:a hint|a pointer|a nudge|somewhere to start)|nudge me|tell me where (?:to|you'?d) start)|"
                   r"\b(?:can|could|may) we (?:go|move|switch|jump) (?:on )?to (?:a different|another|the next) "
                   r"(?:one|question|topic)\b|"
                   # "is there another angle on this you'd like me to take": the question handed back to be changed
                   r"\b(?:is there|do you have|could you give me) (?:another|a different|some other) (?:angle|way in|"
                   r"direction|version of (?:it|this|the question))\b|"
                   # "is there a particular case you have in mind?": the question handed back to be made concrete
                   r"\bis there a (?:particular|specific|concrete) (?:scenario|example|case|situation|setting) "
                   r"(?:you have in mind|you'?re thinking of)|"
                   # "would a smaller one work instead?", "or I could describe how I'd do it": another question offered
                   r"\bwould (?:a|an|something like) (?:\w+ ){0,4}?(?:work|do) instead\b|"
                   r"\bi could (?:describe|talk (?:about|through)|walk you through) how i'?d\b", _F)
# No story to tell: "it never really came up", "I've been lucky there", "nothing I could walk you through".
_NO_STORY = re.compile(r"\b(?:(?:it|that|this) never (?:really )?came up|i'?ve (?:mostly |always |just )?been lucky|"
                       r"nothing (?:i could|i can|i'?d be able to) (?:really )?(?:walk you through|point to|talk about)|"
                       r"never (?:really )?(?:had|faced|ran into|run into|been in) (?:to|a|that|this|one)\b|"
                       r"\bi (?:haven'?t|have not) (?:really |actually |ever )?(?:led|run|had|handled|owned|been through) "
                       r"(?:one|that|a|an|any)\b|"
                       r"(?:can'?t|cannot|couldn'?t) (?:really )?(?:think of|come up with|recall) (?:a|an|any|one) "
                       r"(?:\w+ ){0,2}?(?:example|story|time|case|instance)s?\b)", _F)
_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|percent)\b", _F)
# "one" and "two" that count nothing: "that's a big one", "I mix those two up", "I haven't led one"
_NOT_A_FIGURE = re.compile(r"\b(?:(?:a|that|this|the|which|no|each|every|any|another|same) (?:\w+ )?one|"
                           r"(?:haven'?t|have not|never) (?:\w+ ){1,2}?one|"      # "I haven't really led one"
                           r"(?:those|these|the) two)\b", _F)


def _figure(text: str) -> bool:
    return _FIGURE.search(_NOT_A_FIGURE.sub(" ", text)) is not None
_PROMPT_GENERIC = frozenset(stem(w) for w in (
    "tell time about describe walk example give would how what your you design system build approach "
    "handle go do did one most".split()))


# A story told anyway: "one time I ...", "there was a case when", "so I explained ...".
_STORY = re.compile(r"\b(?:one time|there was (?:a|one)|once,? (?:i|we)|i (?:explained|told|showed|wrote|built|led|"
                    r"presented|drew|walked them))\b", _F)
# Talk of what one would do: "I'd spend more time on the design", "I would write more tests".
_PLAN = re.compile(r"\b(?:i'?d|i would|i'?ll|we'?d|we would)\s+(?:\w+\s+){0,3}?(?:spend|write|pick|plan|do|start|"
                   r"change|use|build|keep|add|test|design|choose|move|invest|push|set)\b", _F)


# one option chosen over another, said "rather than", or as the same preposition repeated with "not" and a reason:
# "randomise by user, not by session, so one person sees one ranker", "count per user and not per request, because"
_RATHER = re.compile(r"\brather than\b|\b(by|per|on|at|over|in) (?:the |a |an |each )?[\w-]+(?: [\w-]+)?,? (?:and )?"
                     r"not \1 [^.;?!]{0,40}?\b(?:so|because|since|otherwise)\b", _F)
_NOT_A_CHOICE = re.compile(r"\b(?:looks?|seems?|is|are|was|were|be|being|feels?)\s+(?:\w+\s+)?rather than\b", _F)


# The arms of an experiment compared ("purchases per visit in an experiment versus today's page"): a measurement
# of the choice already made, not another option weighed against it.
_VERSUS = re.compile(r"^(?:versus|vs\.?)$", _F)
_ARMS = re.compile(r"\bexperiments?\b|\ba/?b\b|\bab test|\bcontrol (?:group|arm)\b|\bholdout\b|\btreatment\b", _F)


# A change in an amount or in how often, told with "instead of" ("the retrain ran in four hours instead of thirty",
# "they wanted it weekly instead of monthly"): a measurement or a request, not an option the candidate weighed.
_AMOUNT_INSTEAD = re.compile(r"instead of\s+(?:(?:about|roughly|around|only|just|nearly|over|under|almost|the|a|an)\s+)?"
                             r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|"
                             r"nine)teen|twenty|"
                             r"thirty|forty|fifty|sixty|hundred|thousand|million|billion|every|each|once|twice|daily|"
                             r"weekly|monthly|hourly|nightly|quarterly|yearly|annually)\b)", _F)


def _weighs(text: str) -> bool:
    if not folded_search(TRADEOFF, text):
        return False
    arms = _ARMS.search(text)
    if not arms and "instead of" not in text.lower():
        return True
    return any(not (arms and _VERSUS.match(m.group(0).strip())) and not _AMOUNT_INSTEAD.match(text, m.start())
               for m in TRADEOFF.finditer(text))


def weighs_in_words(text: str) -> bool:
    """Does the sentence weigh an alternative in words other than a bare "rather than" (a trade-off, "instead of",
    "either ... or")?"""
    return _weighs(text) or ("either" in text.lower() and bool(folded_search(_EITHER_OR, text)))


def tradeoff_evidence(sents: list[Sentence]) -> list[str]:
    """Sentences that weigh an alternative. "X rather than Y" counts when it is a choice, not a description; "X
    versus Y" when it is not an experiment's arms."""
    return [s.text for s in sents
            if _weighs(s.text) or ("either" in s.text.lower() and folded_search(_EITHER_OR, s.text))
            or (folded_search(_RATHER, s.text) and not folded_search(_NOT_A_CHOICE, s.text))]


def production_concepts(text: str) -> dict[str, str]:
    """concept -> the phrase that showed it."""
    return first_matches(PRODUCTION, text)


@once_per_answer
def names_scope(sentence: str) -> bool:
    """The sentence names a requirement, an assumption or a scale question (CLARIFY): read by the level and the gaps,
    worked out once per answer."""
    return folded_search(CLARIFY, sentence)


def scope_words(text: str) -> list[str]:
    return sorted({m.group(0).lower() for m in folded_matches(SCOPE, text)})


def clarifying(sents: list[Sentence], asked_too: bool = True, facts: Mapping[str, str] | None = None) -> list[str]:
    """Whether the answer clarifies the problem, as the evidence for it: the first sentence that names a requirement,
    an assumption or a scale question, else (`asked_too`) every clarifying question the interview's own detector hears
    in the answer (one source of truth for what asks the interviewer about the problem: "Let me start with what I need
    from you: which categories exist..."). The level and the gaps ask only whether there is any, so the search stops
    at the first sentence, and the detector (a third of a design answer's scoring time) runs only when none names one."""
    named = next((s.text for s in sents if names_scope(s.text)), None)
    if named is not None:
        return [named]
    if not asked_too:
        return []
    from coach.interview.clarify import clarifying_questions, questions_in_answer   # here: clarify reads the card
    from coach.interview.clarify_answer import parts_asked, reply
    asked = list(questions_in_answer(" ".join(s.text for s in sents)))
    if asked:
        return asked
    # a question about a fact of the problem the candidate then answers at once ("Can I check the model size and the
    # latency target? Thirteen billion parameters, first token in a second."): not one for the interviewer to answer,
    # but the requirement was asked about before the design, which is what the gap is about. A design question put
    # to oneself ("What happens when the classifier is unsure? It goes to the human queue") names no such fact.
    # `facts`: the question's own facts, which hear a fact asked in the problem's words ("how many orders do we handle")
    for s in sents:
        if s.text.rstrip().endswith("?") and (one := clarifying_questions(s.text)) and \
                (any(parts_asked(one)) or (facts and reply(one, facts, said=s.text)[1])):
            return one
    return []


_TECH_LOWER = re.compile(r"(?<![a-z0-9])(?=[a-z0-9])" + TECH_TERMS.pattern[2:])   # case-sensitive on lowered text: faster


def tech_terms(text: str) -> list[str]:
    return sorted({m.group(0) for m in _TECH_LOWER.finditer(text.lower())})


@dataclass(frozen=True)
class NonAnswer:
    gap: str          # "non_answer" | "off_topic"
    evidence: str


def _question_stems(q: Question) -> set[str]:
    parts = [q.prompt, *q.talking_points, *(k for ks in q.keywords for k in ks)]
    return {s for s in content_stems(" ".join(parts))} - _PROMPT_GENERIC


SHORT_WORDS, LONGER_WORDS = 30, 60     # an answer this short can be a non-answer by what it says
PASSING_WORDS = 90      # no example and a request for another angle passes the question up to this length


def _short_non_answer(text: str, n: int, quoted: str, question: Question | None) -> NonAnswer | None:
    """The non-answers told in under LONGER_WORDS words: not knowing at some length, asking to skip or for a hint,
    no story to tell, or talk that commits to nothing; up to PASSING_WORDS, only the question handed back with no
    example or no view."""
    if n < LONGER_WORDS:
        admits = _ADMITS_AT_LENGTH.search(text)
        if admits and not _figure(text) and question is not None:
            # what it says besides, the question's own words read back aside
            said = (set(content_stems(text)) - _PROMPT_GENERIC) & (_question_stems(question)
                                                                    - set(content_stems(question.prompt)))
            if len(said) <= 1:
                return NonAnswer("non_answer", f'{n} words, and it says "{admits.group(0)}": "{quoted}"')
        skip = _SKIP.search(text)
        if skip:
            return NonAnswer("non_answer", f'{n} words, and it asks to move on ("{skip.group(0)}"): "{quoted}"')
    asks = _HINT.search(text)
    if asks and (_NO_STORY.search(text) or _EVASIVE.search(text)) and not _STORY.search(text) and not _figure(text):
        # no example to tell (or a view that commits to nothing), and the question handed back to be changed:
        # a longer way of passing
        return NonAnswer("non_answer", f'{n} words, no example, and it asks for another question '
                                       f'("{asks.group(0)}"): "{quoted}"')
    if n >= LONGER_WORDS:
        return None
    if asks and n < 60:
        return NonAnswer("non_answer", f'{n} words, and it asks for a hint or another question ("{asks.group(0)}"): '
                                       f'"{quoted}"')
    none = _NO_STORY.findall(text)
    if none and n < 60 and not _figure(text) and len(none) + len(_EVASIVE.findall(text)) >= 1 \
            and not _STORY.search(text):
        return NonAnswer("non_answer", f'{n} words, and it says there is no story ("{none[0]}"): "{quoted}"')
    vague = _EVASIVE.findall(text)
    # short talk with one evasion, or up to 60 words that evade twice ("good question ... it depends so much on the
    # model and the data ..."), naming at most one (or, evading twice, two) of the question's words
    twice = len(vague) >= 2
    if vague and (n < 30 or (twice and n < 60)) and not tech_terms(text) and not _figure(text) and (
            question is None
            or len((set(content_stems(text)) - _PROMPT_GENERIC) & _question_stems(question)) <= (2 if twice else 1)):
        return NonAnswer("non_answer", f'{n} words that commit to nothing ("{vague[0]}"): "{quoted}"')
    return None


def non_answer(text: str, question: Question | None) -> NonAnswer | None:
    """A non-answer ("I don't know", "pass", a few words, the question read back) or off-topic talk."""
    all_words = words(text)
    n = len(all_words)
    fillers = {"um", "uh", "erm", "er", "ah", "like", "yeah", "so", "okay", "ok", "well", "mean", "know", "you",
               "i", "hmm", "mm", "right"}
    content = [w for w in all_words if w not in fillers and w not in STOPWORDS]
    quoted = " ".join(text.split())[:120]
    if n == 0:
        return NonAnswer("non_answer", "the answer is empty")
    if n < 8:
        return NonAnswer("non_answer", f'the answer is {n} word{"s" if n != 1 else ""}: "{quoted}"')
    if n < SHORT_WORDS:
        m = _NON_ANSWER.search(text.strip())
        if not m and n < 12:
            m = _WEAK_NON_ANSWER.search(text)
        if not m:
            m = _ADMITS.search(text)
        if m:
            return NonAnswer("non_answer", f'{n} words, and it says "{m.group(0)}": "{quoted}"')
    if n < PASSING_WORDS:         # (the cues below decide only an answer this short: a long one skips the searches)
        found = _short_non_answer(text, n, quoted, question)
        if found is not None:
            return found
    if len(content) < 4:
        return NonAnswer("non_answer", f'{n} words but only {len(content)} carry content: "{quoted}"')
    if question is None:
        return None
    answer_stems = set(content_stems(text)) - _PROMPT_GENERIC
    prompt_stems = set(content_stems(question.prompt)) - _PROMPT_GENERIC
    novel = answer_stems - prompt_stems
    if prompt_stems and len(answer_stems & prompt_stems) >= 3 and len(novel) <= 2 and n < 60:
        return NonAnswer("non_answer", f'restates the question: {len(answer_stems & prompt_stems)} of its words '
                                       f'and {len(novel)} new: "{quoted}"')
    q_stems = _question_stems(question)
    if n >= 15 and q_stems and not (answer_stems & q_stems) and not tech_terms(text) \
            and not (question.hypothetical and len(_PLAN.findall(text)) >= 2):     # a plan answers "what would you do"
        sample = ", ".join(sorted(prompt_stems)[:5])
        return NonAnswer("off_topic", f'{n} words and none of the question\'s words ({sample}) or keywords: '
                                      f'"{quote_short(text)}"')
    return None


def quote_short(text: str, limit: int = 100) -> str:
    t = " ".join(text.split())
    return t if len(t) <= limit else t[:limit].rsplit(" ", 1)[0] + " ..."
