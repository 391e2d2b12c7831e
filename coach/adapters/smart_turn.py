"""End of turn by meaning: the smart-turn v3 model (BSD-2-Clause) on the last 8 s of the answer.

A Whisper-tiny encoder with a classifier head, as an int8 ONNX file (8.7 MB) that ships
inside the pipecat-ai wheel (`models/manifest.toml`, checked by sha256). It hears how
the candidate stopped (falling pitch, a finished clause, "and then we, um") and says
whether the turn sounds complete. onnxruntime comes with faster-whisper, and so do the
Whisper features (`faster_whisper.feature_extractor.FeatureExtractor`); pipecat itself
is never imported.
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from coach.adapters import heap, lazy_decoder
from coach.errors import ModelError
from coach.ports import SAMPLE_RATE

WINDOW_S = 8                  # the model's input: 8 s, zero-padded in front when shorter
CONTEXT_S = 2.0               # of which the answer's last 2 s (see `SmartTurn`)
THRESHOLD = 0.5               # its output is the probability that the turn is complete


class SmartTurn:
    """`complete(audio)`: does the answer so far sound finished? (~30-80 ms on one core).

    The model hears the last `context_s` of the answer, not the 8 s its reference code passes
    (pipecat's, whose features these match): the words rule (`coach.streaming.answer_end`) judges
    whether the ANSWER is over, the model only whether its last phrase sounds finished. Given 8 s
    of a minute-long answer full of "um, ..." pauses, it heard most real ends as unfinished
    (0.01-0.19 on the bench's answers); given the last 2 s, 0.77-0.93, while a sentence broken
    off at a filler still sounds unfinished (1 of 22 above the threshold, as with 8 s). Shorter
    still (1.0-1.25 s), 6-8 of those 22 sound finished; 3 s and longer, the real ends do not.
    """

    def __init__(self, model_path: Path, threads: int = 1, threshold: float = THRESHOLD,
                 context_s: float = CONTEXT_S) -> None:
        import onnxruntime as ort

        lazy_decoder.install()
        from faster_whisper.feature_extractor import FeatureExtractor

        self.model_path = Path(model_path)
        self.name = f"smart-turn:{self.model_path.stem}"
        self.threshold = threshold
        self.context_s = min(float(context_s), WINDOW_S)
        options = ort.SessionOptions()
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.inter_op_num_threads = 1
        options.intra_op_num_threads = max(1, threads)
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.enable_cpu_mem_arena = False     # 14 MB less held between calls, ~10 ms more per call
        heap.limit_heap()
        try:
            self._session = ort.InferenceSession(str(self.model_path), sess_options=options,
                                                 providers=["CPUExecutionProvider"])
        except Exception as exc:   # onnxruntime's own errors on a damaged or foreign file
            raise ModelError(f"the end-of-turn model {self.model_path} failed to load: {str(exc).splitlines()[0]}",
                             "reinstall it: pip install --force-reinstall --no-deps pipecat-ai==1.14.0, "
                             "or set end_of_turn = \"silence\"") from None
        self._features = FeatureExtractor(feature_size=80, sampling_rate=SAMPLE_RATE, hop_length=160,
                                          chunk_length=WINDOW_S, n_fft=400)
        self._lock = threading.Lock()

    def features(self, audio: np.ndarray) -> np.ndarray:
        """Whisper log-mel features (80 x 800) of the last `context_s`, as the model was trained on
        them: zero-padded in front to 8 s, normalised to zero mean and unit variance first."""
        n = WINDOW_S * SAMPLE_RATE
        x = np.asarray(audio, np.float32)[-int(self.context_s * SAMPLE_RATE):]
        if len(x) < n:
            x = np.pad(x, (n - len(x), 0))
        x = (x - x.mean()) / np.sqrt(x.var() + 1e-7)
        mel = self._features(x, padding=0)
        return np.ascontiguousarray(mel[:, : n // 160], dtype=np.float32)

    def probability(self, audio: np.ndarray) -> float:
        """The probability that the turn is complete."""
        features = self.features(audio)[None]
        with self._lock:
            out = self._session.run(None, {"input_features": features})
        return float(np.asarray(out[0]).reshape(-1)[0])

    def complete(self, audio: np.ndarray) -> bool:
        return self.probability(audio) > self.threshold
