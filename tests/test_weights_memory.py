"""Memory: the interviewer's weights are mapped from the file and let go after loading, so only the
pages a token reads stay resident (not the token-embedding rows of words never said), and a mapped
file's pages can be dropped from the process without losing what they hold."""
from __future__ import annotations

import json
import mmap
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from coach.adapters import heap

PAGE = mmap.PAGESIZE


def _present_pages(start: int, end: int) -> int:
    """Pages of [start, end) of this process's address space mapped to memory now (/proc/self/pagemap)."""
    with open("/proc/self/pagemap", "rb") as fh:
        fh.seek(start // PAGE * 8)
        raw = fh.read((end - start) // PAGE * 8)
    return sum(struct.unpack_from("<Q", raw, i * 8)[0] >> 63 for i in range(len(raw) // 8))


@pytest.mark.skipif(not Path("/proc/self/pagemap").exists(), reason="Linux only")
def test_a_mapped_file_read_once_leaves_the_resident_set_and_still_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "weights.bin"
    data = bytes(range(256)) * (4 * 1024 * 1024 // 256)       # 4 MiB
    path.write_bytes(data)
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as view:
        checksum = sum(view[i] for i in range(0, len(view), PAGE))      # every page read once
        ranges = heap.mapped_ranges(path)
        assert ranges and sum(end - start for start, end in ranges) >= len(data)
        before = sum(_present_pages(s, e) for s, e in ranges)
        assert before * PAGE >= len(data) * 0.9
        assert heap.drop_mapped(path) >= len(data)
        assert sum(_present_pages(s, e) for s, e in ranges) * PAGE <= len(data) * 0.1
        assert view[:] == data and sum(view[i] for i in range(0, len(view), PAGE)) == checksum


LOAD_INTERVIEWER = """
import json
from coach.adapters import lazy_decoder
lazy_decoder.install()
import faster_whisper, llama_cpp, onnxruntime  # noqa: F401  the libraries every component needs

def status():
    out = {}
    for line in open("/proc/self/status"):
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) // 1024
    return out

from coach import services
before = status()
services.build_interviewer(None)        # loaded and warmed up, as a session starts it
after = status()
print(json.dumps({"added_mb": after["VmRSS"] - before["VmRSS"]}))
"""


@pytest.mark.skipif(not Path("/proc/self/pagemap").exists(), reason="Linux only")
def test_the_default_interviewer_holds_less_than_its_whole_file() -> None:
    """Qwen2.5-Coder 0.5B: a 463 MiB file, of which an 89 MiB token-embedding table a session reads a few
    rows of. Read into memory of its own, the model added about 550 MiB once warmed up; mapped and let go,
    about 470."""
    from coach import services

    path, _ = services.llm_model_path(None)
    size_mb = path.stat().st_size / 2**20
    out = subprocess.run([sys.executable, "-c", LOAD_INTERVIEWER], capture_output=True, text=True, check=True,
                         timeout=900)
    added = json.loads(out.stdout.strip().splitlines()[-1])["added_mb"]
    assert added < size_mb + 40, (added, size_mb)       # weights, KV cache 24 MiB and compute buffers
