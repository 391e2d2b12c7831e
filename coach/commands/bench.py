"""`coach bench`: turn latency, speech-to-text speed and memory on this machine.

Answers (about 60 s each, made with espeak-ng, with thinking pauses between sentences and
mid-sentence) are played at speaking pace into the microphone's own path (`MicrophoneSource`
with the WAV stand-in for the sound card): WAV written as captured, the live
transcriber, the real interview runner, the bundled models, and the app's speaker
rendering the interviewer's lines sentence by sentence with the configured voice (Piper when
installed, else espeak-ng; first audio: the first sentence ready to play; playback is timed,
not heard). The harness lives in coach/bench/. Two ways to end a turn are measured:
- hands-free: the end of turn by meaning (after 0.3 s of silence the smart-turn model is asked, and
  again every 0.3 s up to 1.2 s; with the answer's words, a sure end it hears complete ends the
  turn, else the silence rule's 2.0 s plus 0.5 s hangover does), or with
  --end-of-turn silence the silence rule alone; the runner transcribes and drafts the
  follow-up from the moment the silence begins, and uses the draft only if nothing more was said;
- push-to-talk: the key is released with the last word (the worst case: no
  silence to work in).
The clock starts at the end of the turn (detector fires / key released), except for
speech_end_ms, which starts at the candidate's last word (found in the answer audio).

JSON keys (all times in milliseconds unless named otherwise):
- turns[]: per answer: mode, answer (1, 2, ...: the same audio in both modes), audio_s, reply ("followup", "question" or "closing"),
  final_transcript_ms (end of turn -> final transcript), first_token_ms (-> first
  interviewer token; 0 if it came before the end of the turn; null when the reply
  needed no model or none came), first_audio_ms (-> first interviewer audio ready to play: hands-free by
  meaning, a short acknowledgement when the follow-up is not written yet), line_audio_ms (-> the reply's own line),
  acknowledged (an acknowledgement came first),
  speech_end_ms (the answer's last word -> first interviewer audio), speech_end_line_ms (-> the reply's own line,
  after the acknowledgement when one came first), end_of_turn_ms (last word -> end
  of turn), voice, drafted_early (the follow-up drafted in the silence was used), naive_transcript_ms
  (the whole answer transcribed after it ends), end_of_turn_reasons (hands-free: what the words, as the live
  transcriber had them, and the audio said at each ask in the session itself), false_ends (mid-answer pauses the
  hands-free detector took for the end of the turn), source ("model" or "bank"), late (the model's
  question was not written within the runner's reply deadline, so the bank's follow-up for the gap was asked).
- followups: {mode: {all, model, late}}: follow-ups asked, written by the model, and asked from the bank because
  the model missed the reply deadline.
- p50 / p95: {mode: {final_transcript_ms, first_token_ms, first_audio_ms, speech_end_ms, speech_end_line_ms}} over all replies;
  p50_followups / p95_followups: the same over the replies that were follow-ups (the model's work).
- naive_ratio: naive_transcript_ms / final_transcript_ms (median, push-to-talk turns).
- stt_rtf: speech-to-text compute seconds per second of audio (naive path).
- tokens_per_s: interviewer tokens generated per second, from each candidate's first token to its last, over the
  follow-ups the runner asked (its FollowUpReady events).
- peak_rss_mb: peak resident memory of the process, in MiB (1 GB = 954 MiB); peak_rss_mb_by_mode: {mode: MiB},
  each way of ending a turn's own peak; peak_rss_at: {rss_mb, at_s, stage, threads}: the highest of the
  samples taken every 10 ms, when it came, and what each thread of the coach was doing then;
  peak_rss_by_stage: {stage: the same}, the highest sample of each stage (loading, making the answers,
  each mode, the replay); pass_beside_voice_s: seconds (sampled every 10 ms) a piece of the primed final
  pass decoded while the voice rendered a line (the two working sets at once).
- cold_start_s: loading the speech and interviewer models, warm-up included.
- first_screen_s: launching the app in a fresh process until its first screen is usable.
- pauses: {between, mid}: thinking pauses in the test audio; false_ends_by_kind: {between, mid, other}
  of them (other: the voice's own gaps) the hands-free policy took for the end; false_ends: their total
  (the policy replayed on each answer with the words transcribed whole); session_false_ends: hands-free answers
  the session itself ended before their last word (its words from the live transcriber);
  ends_heard_at_once: answers whose real end the policy took for the end at its fastest (0.5 s);
  end_waits_s: the silence after each real end before the policy ended the turn; end_of_turn_reasons:
  per answer, what the words and the audio said at each ask, and the wait that followed.
- voice: the interviewer's voice; answer_voice: the voice of the test answers; end_of_turn: the policy;
  busy: CPU-bound processes run alongside (--busy N).
- stt_model, llm, turn_model: the models measured (`--stt-model base` for the larger Whisper).
- primed_pass: ["on"], ["off"] or ["on", "off"] (--primed-pass both: each mode run twice, its rows and
  percentiles labelled "<mode>, primed pass on|off"); primed_pass_ms: {mode: [...]}: each answer's primed
  final pass (the whole answer transcribed again primed, after the reply started), compute only.
"""
from __future__ import annotations

import argparse
import json

from coach.errors import CoachError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bench", parents=[common], help="measure turn latency, speech-to-text speed and memory",
                       description=__doc__.split("\n\n")[1] if __doc__ else None,
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--turns", type=int, default=3, help="answers per way of ending a turn (default 3)")
    p.add_argument("--answer-seconds", type=float, default=60.0, help="length of each answer (default 60)")
    p.add_argument("--mode", choices=("both", "hands-free", "push-to-talk"), default="both",
                   help="how turns end (default both)")
    p.add_argument("--llm", metavar="NAME|PATH", help="interviewer model (default: the llm setting)")
    p.add_argument("--stt-model", metavar="NAME|PATH",
                   help="speech model: a manifest name (tiny-en, base) or a CTranslate2 Whisper folder "
                        "(default: the stt_model setting, else tiny-en)")
    p.add_argument("--voice", choices=("auto", "piper", "espeak"), help="interviewer voice (default: the tts setting)")
    p.add_argument("--answer-voice", choices=("espeak", "piper"), default="espeak",
                   help="voice the test answers are made with (default espeak)")
    p.add_argument("--end-of-turn", choices=("meaning", "silence"),
                   help="hands-free policy (default: the end_of_turn setting)")
    p.add_argument("--primed-pass", choices=("on", "off", "both"), default="on",
                   help="transcribe each answer again primed once the reply has started, as the app does (on, the "
                        "default), not (off), or both in one run, one after the other (to compare the reply latency)")
    p.add_argument("--busy", type=int, default=0, metavar="N", help="run N CPU-bound processes alongside")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import shutil

    from coach.bench import harness, report
    from coach.config import load_settings

    if not shutil.which("espeak-ng") and args.answer_voice == "espeak":
        raise CoachError("coach bench needs espeak-ng to make its test answers", "apt-get install espeak-ng")
    settings = load_settings()
    opts = harness.Options(
        turns=args.turns, answer_seconds=args.answer_seconds,
        modes=("hands-free", "push-to-talk") if args.mode == "both" else (args.mode,),
        llm=args.llm or settings.llm, stt_model=args.stt_model or settings.stt_model,
        voice=args.voice or settings.tts, answer_voice=args.answer_voice,
        end_of_turn=args.end_of_turn or settings.end_of_turn, busy=max(0, args.busy),
        primed_pass=(True, False) if args.primed_pass == "both" else (args.primed_pass == "on",),
    )
    result = report.summarise(harness.run(opts))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print("\n".join(report.lines(result)))
    return 0
