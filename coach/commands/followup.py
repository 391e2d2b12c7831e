"""`coach followup FILE --question ID`: the follow-up the interviewer would ask after that answer."""
from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("followup", parents=[common], help="show the follow-up the interviewer would ask",
                       description="Score an answer (a .txt transcript or an audio file), find its biggest gap, "
                                   "and print the one follow-up question the interviewer would ask about it.")
    p.add_argument("file", help="answer as a .txt/.md file or an audio file")
    p.add_argument("--question", required=True, metavar="ID", help="the question that was answered (see coach questions list)")
    p.add_argument("--llm", metavar="NAME|PATH", help="interviewer model: manifest name, file in models/, or .gguf path")
    p.add_argument("--stt-model", metavar="NAME|PATH", help="speech model for audio files")
    p.add_argument("--json", action="store_true", help='print {"gap", "question", "source"}')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from coach import services
    from coach.config import load_settings
    from coach.content import default_content
    from coach.scoring import score_answer

    settings = load_settings()
    content = default_content()
    question = content.question(args.question)
    transcript = services.read_answer(args.file, args.stt_model or settings.stt_model)
    card = score_answer(transcript, question=question, round_spec=content.round(question.round),
                        rubric=content.rubric(question.round))
    top = card.gaps[0] if card.gaps else None
    gap = top.id if top else "missing_point"
    from coach.followups.findings import Finding
    target = Finding.of(card, top) if top else ""      # what the scorer found: aim the question at it
    reply = services.build_interviewer(args.llm or settings.llm).follow_up(question, transcript.text, gap,
                                                                           [question.prompt], target=target)
    if args.json:
        print(json.dumps({"gap": reply.gap, "question": reply.question, "source": reply.source}))
    else:
        print(f"{reply.question}\n  (probing: {reply.gap}; from the {reply.source})")
    return 0
