"""Why `mtkit score` refuses TER on segments over TER_MAX_WORDS words: sacrebleu's TER time and
peak memory on one segment of N words (a system with a moved block and 10% insertions).

    python eval/ter_limit.py 1000 2000 4000 8000

Each size runs in its own process, so the peak memory (ru_maxrss) is that size's."""
from __future__ import annotations

import random
import resource
import subprocess
import sys
import time


def one(n: int) -> str:
    from sacrebleu.metrics import TER
    rng = random.Random(1)
    words = [f"w{rng.randint(0, 500)}" for _ in range(n)]
    hyp = " ".join(words[: n // 2] + [f"x{i}" for i in range(n // 10)] + words[n // 2 + n // 10:])
    started = time.perf_counter()
    TER().corpus_score([hyp], [[" ".join(words)]])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return f"| {n} | {time.perf_counter() - started:.2f} | {peak} |"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(one(int(sys.argv[2])))
    else:
        print("| words | seconds | peak MB |\n|---:|---:|---:|")
        for size in sys.argv[1:]:
            print(subprocess.run([sys.executable, __file__, "--one", size], capture_output=True, text=True,
                                 check=True).stdout.strip(), flush=True)
