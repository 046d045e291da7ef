"""sacrebleu metrics built from mtkit's option names. With no options each metric is sacrebleu's
default (``BLEU()``, ``CHRF()``, ``TER()``), so the numbers and signatures are sacrebleu's own."""
from __future__ import annotations

from typing import Any, Optional, Sequence

from mtkit.extras import require

METRICS = ("bleu", "chrf", "ter")
# A metric's direction: TER counts edits, so lower is better; BLEU and chrF are higher-better.
LOWER_IS_BETTER = frozenset({"ter"})
# A paired test's difference is significant when p < this level (gate max_drop, the * in reports).
SIGNIFICANCE_LEVEL = 0.05

# sacrebleu's TER is quadratic in a segment's length: 4,000 words take ~7 s and 0.3 GB, 16,000 words
# ~130 s and 4 GB (eval: see docs/security.md). Longer segments are refused, naming the line.
TER_MAX_WORDS = 4000


def higher_is_better(metric: str) -> bool:
    return metric not in LOWER_IS_BETTER

# mtkit option → the (metric, sacrebleu constructor argument) pairs it sets. Names follow
# sacrebleu's command line (--tokenize, --chrf-word-order, --ter-normalized…), with '-' as '_'.
OPTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "tokenize": (("bleu", "tokenize"),),
    "lowercase": (("bleu", "lowercase"), ("chrf", "lowercase")),
    "force": (("bleu", "force"),),
    "smooth_method": (("bleu", "smooth_method"),),
    "smooth_value": (("bleu", "smooth_value"),),
    "max_ngram_order": (("bleu", "max_ngram_order"),),
    "effective_order": (("bleu", "effective_order"),),
    "chrf_char_order": (("chrf", "char_order"),),
    "chrf_word_order": (("chrf", "word_order"),),
    "chrf_beta": (("chrf", "beta"),),
    "chrf_whitespace": (("chrf", "whitespace"),),
    "chrf_lowercase": (("chrf", "lowercase"),),
    "chrf_eps_smoothing": (("chrf", "eps_smoothing"),),
    "ter_normalized": (("ter", "normalized"),),
    "ter_no_punct": (("ter", "no_punct"),),
    "ter_asian_support": (("ter", "asian_support"),),
    "ter_case_sensitive": (("ter", "case_sensitive"),),
}


def metric_arguments(metrics: Sequence[str], options: Optional[dict]) -> dict[str, dict[str, Any]]:
    """Constructor keyword arguments per metric; options left at ``None`` are not passed."""
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise ValueError(f"unknown metric {unknown[0]!r} (known: {', '.join(METRICS)})")
    kwargs: dict[str, dict[str, Any]] = {m: {} for m in metrics}
    for key, value in (options or {}).items():
        if key not in OPTIONS:
            raise ValueError(f"unknown score option {key!r} (known: {', '.join(OPTIONS)})")
        if value is None:
            continue
        for metric, argument in OPTIONS[key]:
            if metric in kwargs:
                kwargs[metric][argument] = value
    return kwargs


def build_metrics(metrics: Sequence[str], options: Optional[dict],
                  refs: Sequence[Sequence[str]]) -> dict:
    """One sacrebleu metric per name, with the references cached once for all systems."""
    tokenizer = (options or {}).get("tokenize")
    if tokenizer in TOKENIZER_EXTRAS:
        require(TOKENIZER_EXTRAS[tokenizer], f"--tokenize {tokenizer}")
    from sacrebleu.metrics import BLEU, CHRF, TER
    classes = {"bleu": BLEU, "chrf": CHRF, "ter": TER}
    return {m: classes[m](references=refs, **kw) for m, kw in metric_arguments(metrics, options).items()}

# sacrebleu 2.x's tokenizer and smoothing names (for the command line's choices; sacrebleu checks too)
TOKENIZERS = ("13a", "none", "intl", "char", "zh", "ja-mecab", "ko-mecab", "spm", "flores101", "flores200")
SMOOTH_METHODS = ("exp", "floor", "add-k", "none")
# tokenizers whose libraries are not in the core install: the extra that brings them
TOKENIZER_EXTRAS = {"ja-mecab": "ja", "ko-mecab": "ko", "spm": "spm", "flores101": "spm", "flores200": "spm"}
