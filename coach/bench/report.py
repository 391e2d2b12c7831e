"""Percentiles over the bench's turns, the JSON it prints, and the human-readable summary."""
from __future__ import annotations

import statistics
from typing import Any

KEYS = ("final_transcript_ms", "first_token_ms", "first_audio_ms", "speech_end_ms", "speech_end_line_ms")


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 1)


def summarise(result: dict[str, Any]) -> dict[str, Any]:
    """Adds p50/p95 per mode (all replies, follow-ups alone) and the naive-transcription ratio."""
    turns, modes = result["turns"], result["modes"]

    def table(q: float, kind: str | None = None) -> dict[str, dict[str, float | None]]:
        out: dict[str, dict[str, float | None]] = {}
        for mode in modes:
            rows = [t for t in turns if t["mode"] == mode and kind in (None, t["reply"])]
            out[mode] = {k: pct([t[k] for t in rows if t.get(k) is not None], q) for k in KEYS}
        return out

    ptt = [t for t in turns if t["mode"].startswith("push-to-talk")]
    followups = [t for t in turns if t["reply"] == "followup"]
    return {
        **result,
        "followups": {mode: {"all": sum(1 for t in followups if t["mode"] == mode),
                             "model": sum(1 for t in followups if t["mode"] == mode and t["source"] == "model"),
                             "late": sum(1 for t in followups if t["mode"] == mode and t.get("late"))}
                      for mode in modes},
        "p50": table(0.5), "p95": table(0.95),
        "p50_followups": table(0.5, "followup"), "p95_followups": table(0.95, "followup"),
        "naive_ratio": round(statistics.median(t["naive_transcript_ms"] / max(1, t["final_transcript_ms"])
                                               for t in ptt), 2) if ptt else None,
    }


def lines(result: dict[str, Any]) -> list[str]:
    out = []
    for i, t in enumerate(result["turns"], 1):
        out.append(f"{t['mode']:>12} turn {i}: {t['audio_s']} s answer -> {t['reply']} ({t['source']}"
                   f"{', drafted in the silence' if t['drafted_early'] else ''}"
                   f"{', the model missed the reply deadline' if t.get('late') else ''}) | last word to first audio "
                   f"{t['speech_end_ms']} ms (end of turn {t['end_of_turn_ms']} ms after it) | final transcript "
                   f"{t['final_transcript_ms']} ms (naive {t['naive_transcript_ms']} ms) | first token "
                   f"{t['first_token_ms']} ms | first audio {t['first_audio_ms']} ms"
                   + (f" (an acknowledgement; the reply's line {t['line_audio_ms']} ms)" if t.get('acknowledged') else ""))
    for mode in result["modes"]:
        pad = " " * len(mode)
        out.append(f"{mode}: all replies p50 {result['p50'][mode]}\n{pad}              p95 {result['p95'][mode]}\n"
                   f"{pad}  follow-ups  p50 {result['p50_followups'][mode]}\n{pad}              p95 "
                   f"{result['p95_followups'][mode]}")
    for mode, f in result.get("followups", {}).items():
        out.append(f"{mode}: {f['all']} follow-ups, {f['model']} written by the model, {f['late']} the bank's because "
                   f"the model missed the reply deadline")
    if result["naive_ratio"] is not None:
        out.append(f"incremental vs naive transcript (push-to-talk): {result['naive_ratio']}x faster after the answer ends")
    out.append(f"voice {result['voice']}; end of turn by {result['end_of_turn']}; {result['busy']} busy processes alongside")
    out.append(f"speech-to-text ({result['stt_model']}) real-time factor {result['stt_rtf']}; interviewer "
               f"({result['llm']}) {result['tokens_per_s']} tokens/s")
    pauses, ends = result["pauses"], result["false_ends_by_kind"]
    by_mode = ", ".join(f"{k} {v}" for k, v in (result.get("peak_rss_mb_by_mode") or {}).items())
    out.append(f"peak RSS {result['peak_rss_mb']} MiB ({round(result['peak_rss_mb'] * 1.048576)} MB; target 1 GB = "
               f"954 MiB){f' ({by_mode})' if by_mode else ''}; cold start {result['cold_start_s']} s; first screen "
               f"{result['first_screen_s']} s")
    top = result.get("peak_rss_at") or {}
    if top:
        doing = "; ".join(f"{k}: {v}" for k, v in top.get("threads", {}).items())
        out.append(f"  at the peak ({top['stage']}, {top['at_s']} s in): {doing}")
    out.append(f"thinking pauses taken as the end of the answer: {ends['between']} of {pauses['between']} between "
               f"sentences, {ends['mid']} of {pauses['mid']} mid-sentence, {ends['other']} elsewhere; "
               f"real ends heard at once: {result.get('ends_heard_at_once', 0)} of {len(result.get('end_waits_s') or []) or len(result['turns']) // len(result['modes'])}"
               + (f"; real ends ended after {', '.join(f'{w} s' for w in result['end_waits_s'] if w is not None)} of silence"
                  if result.get("end_waits_s") else ""))
    return out
