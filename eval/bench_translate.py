"""Sentences per second of the tests' tiny random MarianMT (d_model 16, 1 layer, ~300 pieces) on
the CPU, batched (length-sorted batches) vs one sentence at a time. It measures mtkit's batching
and generation overhead, not a real model's speed.
    python eval/bench_translate.py --sentences 400 --record
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _test_module(name: str):
    """A module of tests/ loaded from its file (the tiny model builder is defined once, there)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--max-length", type=int, default=32)
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (a tiny model gains nothing from more; the machine is shared)")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    import torch
    torch.set_num_threads(args.threads)
    build_marian = _test_module("test_mt").build_marian
    from mtkit.mt.engine import load, translate_sentences
    from mtkit.text.sentences import split_sentences
    text = (ROOT / "corpora" / "musk-trump.en.txt").read_text(encoding="utf-8").splitlines()
    pool = [s for line in text if line.strip() for s in split_sentences(line)]
    sentences = [pool[i % len(pool)] for i in range(args.sentences)]
    translator = load(str(build_marian()), device="cpu")
    kw = dict(beams=args.beams, max_length=args.max_length)
    translate_sentences(translator, sentences[:8], batch_size=8, **kw)   # warm-up
    start = time.perf_counter()
    translate_sentences(translator, sentences, batch_size=args.batch_size, **kw)
    batched = time.perf_counter() - start
    start = time.perf_counter()
    for sentence in sentences:
        translate_sentences(translator, [sentence], batch_size=1, **kw)
    single = time.perf_counter() - start
    n = len(sentences)
    body = f"""Tiny random MarianMT from the tests (d_model 16, 1 layer, ~300 sentencepiece pieces), CPU,
torch {torch.__version__} with {torch.get_num_threads()} threads, {n} English sentences from corpora/musk-trump.en.txt,
{args.beams} beams, at most {args.max_length} new tokens (random weights rarely stop early).

| | seconds | sentences/s |
|---|---:|---:|
| batched (length-sorted, batch size {args.batch_size}) | {batched:.1f} | {n / batched:.1f} |
| one sentence at a time | {single:.1f} | {n / single:.1f} |
| speed-up from batching | | {single / batched:.1f}× |"""
    print(body)
    if args.record:
        from results import record
        record("translate speed", body, "python eval/bench_translate.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
