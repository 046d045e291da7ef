"""Embedding path of the aligner (mtkit.align.embed) with a tiny random BERT built here."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from mtkit.align import align_units
from mtkit.align.embed import Embedder
from mtkit.cli import main
from mtkit.errors import InputError

DATA = Path(__file__).resolve().parent / "data" / "align"
EN = DATA / "verses.en.txt"
AR = DATA / "verses.ar.txt"


def tiny_bert(directory: Path) -> Path:
    """A random-weight BertModel with a WordPiece vocabulary of English words and Arabic letters."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizer

    torch.manual_seed(0)
    words = sorted({w.strip(".,;:()!?'\"").lower() for w in EN.read_text(encoding="utf-8").split()} - {""})
    letters = sorted({ch for ch in AR.read_text(encoding="utf-8") if ch.strip()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words + letters + ["##" + c for c in letters]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    BertTokenizer(vocab_file=str(directory / "vocab.txt")).save_pretrained(str(directory))
    config = BertConfig(vocab_size=len(dict.fromkeys(vocab)), hidden_size=16, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=32, max_position_embeddings=128)
    BertModel(config).save_pretrained(str(directory))
    return directory


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    return tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


@pytest.fixture(scope="module")
def embedder(model_dir) -> Embedder:
    return Embedder.load(str(model_dir))


def test_embeddings_are_unit_vectors_and_cached(embedder):
    vectors = embedder.embed(["In the name of Allah", "الحمد لله", "In the name of Allah"])
    assert vectors.shape[0] == 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert np.allclose(vectors[0], vectors[2])


def test_bead_similarity_in_unit_interval(embedder):
    src = EN.read_text(encoding="utf-8").splitlines()[:5]
    tgt = AR.read_text(encoding="utf-8").splitlines()[:5]
    extra = embedder.bead_similarity(src, tgt)
    values = [extra(i, i + a, j, j + b) for i in range(4) for j in range(4) for a in (1, 2) for b in (1, 2)]
    assert all(0.0 <= v <= 1.0 for v in values)
    assert extra(0, 2, 1, 3) == extra(0, 2, 1, 3)
    same = embedder.bead_similarity(src, src)
    assert same(1, 2, 1, 2) == pytest.approx(1.0)
    assert same(0, 3, 0, 3) == pytest.approx(1.0)            # a 3-unit side is embedded on demand


def test_align_units_with_embedder(embedder):
    src = EN.read_text(encoding="utf-8").splitlines()
    tgt = AR.read_text(encoding="utf-8").splitlines()
    beads = align_units(src, tgt, embedder=embedder)
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))


def test_sentence_transformers_layout(model_dir, tmp_path):
    """A sentence-transformers directory (Transformer in a subfolder, CLS pooling) loads with or
    without the sentence-transformers library."""
    import shutil
    root = tmp_path / "st"
    shutil.copytree(model_dir, root / "0_Transformer")
    (root / "1_Pooling").mkdir()
    (root / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True}))
    (root / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "0_Transformer", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]))
    vectors = Embedder.load(str(root)).embed(["Praise be to Allah", "الحمد لله"])
    assert vectors.shape == (2, 16)


def test_missing_or_bad_model_is_input_error(tmp_path):
    with pytest.raises(InputError) as missing:
        Embedder.load(str(tmp_path / "nope"))
    assert str(tmp_path / "nope") in str(missing.value)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="empty"):
        Embedder.load(str(tmp_path / "empty"))
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{not json")
    with pytest.raises(InputError, match="broken"):
        Embedder.load(str(broken))


def check_contract(data: dict) -> None:
    assert set(data) == {"tool", "version", "src_units", "tgt_units", "beads"}
    for side, units in (("src", data["src_units"]), ("tgt", data["tgt_units"])):
        assert [i for bead in data["beads"] for i in bead[side]] == list(range(len(units)))
    assert all(set(b) == {"src", "tgt", "score"} and (b["src"] or b["tgt"]) for b in data["beads"])


def test_cli_align_with_model(model_dir):
    result = CliRunner().invoke(main, ["align", str(EN), str(AR), "--presegmented", "--model", str(model_dir),
                                       "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_contract(data)
    assert len(data["src_units"]) == 20


def test_cli_align_bad_model_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["align", str(EN), str(AR), "--model", str(tmp_path / "missing"),
                                       "--format", "json"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(tmp_path / "missing") in lines[0]
    assert result.stdout == ""


def test_subprocess_align_with_model(model_dir, run_mtkit, tmp_path):
    out = tmp_path / "out.json"
    proc = run_mtkit("align", EN, AR, "--model", model_dir, "--format", "json", "-o", out)
    assert proc.returncode == 0, proc.stderr
    check_contract(json.loads(out.read_text(encoding="utf-8")))
    bad = run_mtkit("align", EN, AR, "--model", tmp_path / "missing", "-o", tmp_path / "bad.json")
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "missing" in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "bad.json").exists()
