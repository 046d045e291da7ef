"""COMET and xCOMET scores from a local checkpoint, through the ``unbabel-comet`` package (the
optional extra ``mtkit[comet]``). Nothing is downloaded: the model directory must hold
``checkpoints/model.ckpt`` and ``hparams.yaml``, and its encoder must be on disk too.

Each system gets the model's corpus score (the mean of its segment scores) and its segment scores;
systems are compared with the baseline by a paired bootstrap over segments (sacrebleu's
``paired-bs`` p-value). xCOMET's error spans are kept per segment, to show beside mtkit's flags.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mtkit.errors import InputError

EXTRA = "pip install 'mtkit[comet]'"


@dataclass
class CometScores:
    score: float
    segments: list[float]
    error_spans: list[list[dict]] = field(default_factory=list)   # xCOMET only: per segment


def checkpoint(model_dir: str) -> Path:
    """``DIR/checkpoints/model.ckpt`` (or DIR itself when it is the .ckpt file)."""
    path = Path(model_dir)
    if path.is_file() and path.suffix == ".ckpt":
        return path
    if not path.exists():
        raise InputError("no such COMET model directory", model_dir)
    found = path / "checkpoints" / "model.ckpt"
    if not found.is_file():
        raise InputError("not a COMET model directory (no checkpoints/model.ckpt)", model_dir)
    if not (path / "hparams.yaml").is_file():
        raise InputError("not a COMET model directory (no hparams.yaml)", model_dir)
    return found


class _XlmrPairs:
    """XLM-R's ``<s> A </s></s> B </s>``, the one tokenizer method transformers 5 dropped that
    unbabel-comet's unified models (xCOMET, CometKiwi) call to join mt, src and ref. A class, not a
    closure, so the tokenizer still pickles into a data-loader worker."""

    def __init__(self, cls: int, sep: int):
        self.cls, self.sep = cls, sep

    def __call__(self, first: list[int], second: list[int] | None = None) -> list[int]:
        out = [self.cls, *first, self.sep]
        return out if second is None else out + [self.sep, *second, self.sep]


def _transformers5(model) -> None:
    """unbabel-comet 2.2 unpacks XLM-R's output as transformers 4 returned it (3 values); with
    transformers 5 the encoder is asked for its named output and handed back in that shape, and
    its tokenizer gets back the pair-joining method comet's unified models call."""
    inner = getattr(getattr(model, "encoder", None), "model", None)
    if inner is None:
        return
    import transformers
    if int(transformers.__version__.split(".")[0]) < 5:
        return
    tokenizer = getattr(model.encoder, "tokenizer", None)
    if tokenizer is not None and not hasattr(tokenizer, "build_inputs_with_special_tokens"):
        tokenizer.build_inputs_with_special_tokens = _XlmrPairs(tokenizer.cls_token_id, tokenizer.sep_token_id)
    forward = inner.forward

    def compat(*args, **kwargs):
        kwargs["return_dict"] = True
        out = forward(*args, **kwargs)
        return out.last_hidden_state, None, out.hidden_states
    inner.forward = compat


def _quiet() -> None:
    """Lightning and COMET log their set-up (devices, tips, a frozen encoder) at INFO: not ours to show."""
    import logging
    for name in ("pytorch_lightning", "lightning.pytorch", "lightning_fabric", "lightning", "comet"):
        logging.getLogger(name).setLevel(logging.ERROR)


def load(model_dir: str):
    try:
        import comet  # type: ignore[import-untyped]
    except ImportError:
        raise InputError(f"--metric comet needs the unbabel-comet package: {EXTRA}") from None
    _quiet()       # after the import: Lightning sets its loggers to INFO when imported
    path = checkpoint(model_dir)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")          # never fetch an encoder
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        model = comet.load_from_checkpoint(str(path), local_files_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot load the COMET model (its encoder must be on disk; nothing is downloaded): "
                         f"{str(exc).splitlines()[0]}", model_dir) from None
    _transformers5(model)
    return model


# COMET model classes that read a reference (CometKiwi and xCOMET can score without one)
NEEDS_REFERENCE = ("RegressionMetric", "RankingMetric")


def score(model, src: Sequence[str], hyps: Sequence[str], refs: Sequence[str] | None,
          batch_size: int = 16) -> CometScores:
    import warnings
    if refs is None and type(model).__name__ in NEEDS_REFERENCE:
        raise InputError(f"this COMET model ({type(model).__name__}) needs a reference: pass --ref REF")
    data = [{"src": s, "mt": h, **({"ref": r} if refs is not None else {})}
            for s, h, r in zip(src, hyps, refs if refs is not None else [""] * len(hyps))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = model.predict(data, batch_size=batch_size, gpus=0, progress_bar=False, num_workers=1)
    spans = list(getattr(getattr(out, "metadata", None), "error_spans", None) or [])
    segments = [float(x) for x in out.scores]
    return CometScores(float(np.mean(segments)) if segments else 0.0, segments, spans)


def paired_bootstrap(base: Sequence[float], other: Sequence[float], n_samples: int = 1000
                     ) -> tuple[float, tuple[float, float]]:
    """p-value (sacrebleu's ``paired-bs`` rule) and the 95% interval of the other system's mean."""
    from mtkit.score.profile import bootstrap_seed
    a, b = np.asarray(base), np.asarray(other)
    rng = np.random.default_rng(bootstrap_seed())
    idx = rng.choice(len(a), size=(n_samples, len(a)), replace=True)
    means_a, means_b = a[idx].mean(axis=1), b[idx].mean(axis=1)
    observed = abs(b.mean() - a.mean())
    if observed == 0:
        return 1.0, (float(np.percentile(means_b, 2.5)), float(np.percentile(means_b, 97.5)))
    spread = np.abs(means_b - means_a)
    p = (int(np.sum(spread - spread.mean() > observed)) + 1) / (n_samples + 1)
    return p, (float(np.percentile(means_b, 2.5)), float(np.percentile(means_b, 97.5)))
