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

from coach.adapters import heap
from coach.errors import ModelError
from coach.ports import SAMPLE_RATE

WINDOW_S = 8                  # the model hears the last 8 s, zero-padded in front when shorter
THRESHOLD = 0.5               # its output is the probability that the turn is complete


class SmartTurn:
    """`complete(audio)`: does the answer so far sound finished? (~30-80 ms on one core)."""

    def __init__(self, model_path: Path, threads: int = 1, threshold: float = THRESHOLD) -> None:
        import onnxruntime as ort
        from faster_whisper.feature_extractor import FeatureExtractor

        self.model_path = Path(model_path)
        self.name = f"smart-turn:{self.model_path.stem}"
        self.threshold = threshold
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
        """Whisper log-mel features (80 x 800) of the last 8 s, as the model was trained on them:
        zero-padded in front, normalised to zero mean and unit variance first."""
        n = WINDOW_S * SAMPLE_RATE
        x = np.asarray(audio, np.float32)[-n:]
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
