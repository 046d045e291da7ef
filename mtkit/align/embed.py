"""Sentence embeddings for the aligner, from a LOCAL model directory (never a hub download).

A bead's similarity is the cosine between the embedding of its source side and of its target
side; a side of two units is embedded as the two units joined (Vecalign's "overlaps"), so a merge
is judged on its own text. ``torch`` and ``transformers`` are imported here, lazily, only when a
model is loaded: the rest of mtkit runs without them.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from mtkit.errors import InputError
from mtkit.extras import require

Encode = Callable[[list[str]], np.ndarray]
BATCH = 32
MAX_TOKENS = 256


class Embedder:
    """Embeds texts with a local model; ``bead_similarity`` feeds ``dp.align_features``."""

    def __init__(self, encode: Encode, path: str = ""):
        self._encode = encode
        self.path = path
        self._cache: dict[str, np.ndarray] = {}

    @classmethod
    def load(cls, path: str) -> Embedder:
        """A sentence-transformers directory (with the library if installed, else its transformer
        module read with transformers and its pooling config), or a plain transformers encoder
        directory (mean pooling). A missing or unreadable model is an InputError naming ``path``."""
        require("embed", "align --model")
        root = Path(path)
        if not root.is_dir():
            raise InputError("no such model directory", str(path))
        try:
            return cls(_load_encoder(root), str(path))
        except InputError:
            raise
        except Exception as exc:   # transformers raises OSError, ValueError, KeyError, ... on bad dirs
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise InputError(f"cannot load a sentence-embedding model: {reason}", str(path)) from None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text; each distinct text is encoded once."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for start in range(0, len(todo), BATCH):
            batch = todo[start:start + BATCH]
            vectors = np.asarray(self._encode(batch), dtype=np.float64)
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / np.where(norms > 0, norms, 1.0)
            self._cache.update(zip(batch, vectors))
        if not texts:
            return np.zeros((0, 0))
        return np.stack([self._cache[t] for t in texts])

    def bead_similarity(self, src_units: Sequence[str], tgt_units: Sequence[str]):
        """``extra(i0, i1, j0, j1)``: similarity in [0, 1] of src[i0:i1] and tgt[j0:j1]."""
        src = _Side(self, src_units)
        tgt = _Side(self, tgt_units)
        cache: dict[tuple[int, int, int, int], float] = {}

        def extra(i0: int, i1: int, j0: int, j1: int) -> float:
            key = (i0, i1, j0, j1)
            if key not in cache:
                if i1 <= i0 or j1 <= j0:
                    cache[key] = 0.0
                else:
                    cosine = float(src.vector(i0, i1) @ tgt.vector(j0, j1))
                    cache[key] = min(1.0, max(0.0, (cosine + 1.0) / 2.0))
            return cache[key]
        return extra


class _Side:
    """One side's units, with each unit and each pair of consecutive units embedded up front."""

    def __init__(self, embedder: Embedder, units: Sequence[str]):
        self.embedder, self.units = embedder, list(units)
        pairs = [_join(self.units[i:i + 2]) for i in range(len(self.units) - 1)]
        vectors = embedder.embed(self.units + pairs)
        self.single = vectors[:len(self.units)]
        self.double = vectors[len(self.units):]

    def vector(self, i0: int, i1: int) -> np.ndarray:
        if i1 - i0 == 1:
            return self.single[i0]
        if i1 - i0 == 2:
            return self.double[i0]
        return self.embedder.embed([_join(self.units[i0:i1])])[0]   # beads wider than 2: rare


def _join(units: Sequence[str]) -> str:
    return " ".join(u.strip() for u in units)


def _load_encoder(root: Path) -> Encode:
    modules = root / "modules.json"
    if modules.is_file():
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            return _sentence_transformers_dir(root, json.loads(modules.read_text(encoding="utf-8")))
        model = SentenceTransformer(str(root), device="cpu", local_files_only=True)
        return lambda texts: model.encode(texts, batch_size=BATCH, convert_to_numpy=True)
    if not (root / "config.json").is_file():
        raise InputError("not a model directory (no config.json or modules.json)", str(root))
    return _transformers_encoder(root, pooling="mean")


def _sentence_transformers_dir(root: Path, modules: list[dict]) -> Encode:
    """Read a sentence-transformers layout without the library: its Transformer module with
    transformers, then the pooling its Pooling module asks for (mean unless it says cls)."""
    transformer = next((m for m in modules if m.get("type", "").endswith("Transformer")), None)
    if transformer is None:
        raise InputError("modules.json has no Transformer module", str(root / "modules.json"))
    pooling = "mean"
    for module in modules:
        config = root / module.get("path", "") / "config.json"
        if module.get("type", "").endswith("Pooling") and config.is_file():
            settings = json.loads(config.read_text(encoding="utf-8"))
            if settings.get("pooling_mode_cls_token"):
                pooling = "cls"
    return _transformers_encoder(root / transformer.get("path", ""), pooling=pooling)


def _transformers_encoder(directory: Path, pooling: str) -> Encode:
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
    model = AutoModel.from_pretrained(str(directory), local_files_only=True)
    model.eval()
    limit = min(MAX_TOKENS, getattr(model.config, "max_position_embeddings", MAX_TOKENS) or MAX_TOKENS)

    def encode(texts: list[str]) -> np.ndarray:
        batch = tokenizer(texts, padding=True, truncation=True, max_length=limit, return_tensors="pt")
        with torch.no_grad():
            hidden = model(**batch).last_hidden_state
        if pooling == "cls":
            pooled = hidden[:, 0]
        else:
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return pooled.float().numpy()
    return encode


def load(path: str | None) -> Embedder | None:
    """``Embedder.load(path)``, or None without a path."""
    return Embedder.load(path) if path else None
