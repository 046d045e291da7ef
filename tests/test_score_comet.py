"""``mtkit score --metric comet --comet-model DIR`` with unbabel-comet and a tiny COMET model built
here (a 2-layer XLM-R encoder of width 16 with its own sentencepiece vocabulary, random weights:
the scores mean nothing, the loading and scoring path is the real one). Nothing is downloaded.
Without the package, its error paths still run."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EN, AR, FIXED = (str(ROOT / "corpora" / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))


def build_comet(root: Path) -> Path:
    """A COMET regression model directory: hparams.yaml, checkpoints/model.ckpt, and its encoder
    (config, sentencepiece model, tokenizer files) in ``encoder/``, named by path in the hparams."""
    import sentencepiece as spm
    import torch
    import yaml
    import pytorch_lightning
    from comet.models import RegressionMetric
    from transformers import XLMRobertaConfig, XLMRobertaTokenizer
    encoder = root / "encoder"
    encoder.mkdir(parents=True)
    lines = [line for path in (EN, AR) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    proto = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(lines), model_writer=proto, vocab_size=300,
                                   model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
                                   bos_id=0, pad_id=1, eos_id=2, unk_id=3, minloglevel=2)
    (encoder / "sentencepiece.bpe.model").write_bytes(proto.getvalue())
    tokenizer = XLMRobertaTokenizer(vocab_file=str(encoder / "sentencepiece.bpe.model"))
    tokenizer.save_pretrained(encoder)
    XLMRobertaConfig(vocab_size=len(tokenizer), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=130, pad_token_id=1, bos_token_id=0,
                     eos_token_id=2).save_pretrained(encoder)
    torch.manual_seed(0)
    model = RegressionMetric(encoder_model="XLM-RoBERTa", pretrained_model=str(encoder), hidden_sizes=[16],
                             layer="mix", load_pretrained_weights=False, layer_transformation="softmax")
    hparams = {**dict(model.hparams), "class_identifier": "regression_metric"}
    (root / "hparams.yaml").write_text(yaml.safe_dump(hparams), encoding="utf-8")
    (root / "checkpoints").mkdir()
    torch.save({"state_dict": model.state_dict(), "hyper_parameters": dict(model.hparams),
                "pytorch-lightning_version": pytorch_lightning.__version__}, root / "checkpoints" / "model.ckpt")
    return root


@pytest.fixture(scope="module")
def comet_dir(tmp_path_factory):
    pytest.importorskip("comet", reason="unbabel-comet (mtkit[comet]) is not installed")
    return build_comet(tmp_path_factory.mktemp("comet") / "tiny-comet")


def test_comet_scores_from_a_local_checkpoint(comet_dir, run_mtkit):
    out = run_mtkit("score", "--src", EN, "--ref", FIXED, AR, FIXED, "--metric", "chrf,comet",
                    "--comet-model", comet_dir, "-f", "json", "--paired-n", "200", "-q", timeout=600)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""                      # Lightning's set-up chatter is not shown
    data = json.loads(out.stdout)
    assert data["metrics"] == ["chrf", "comet"]
    first, second = data["systems"]
    assert len(first["segment_comet"]) == 18
    assert first["comet"]["score"] == pytest.approx(sum(first["segment_comet"]) / 18)
    assert first["comet"]["signature"] == "comet|model:tiny-comet|nrefs:1"
    comp = [c for c in data["comparisons"] if c["metric"] == "comet"][0]
    assert comp["system"] == second["name"] and 0 < comp["p_value"] <= 1
    # the same model scores the same text the same way, run after run
    again = json.loads(run_mtkit("score", "--src", EN, "--ref", FIXED, AR, FIXED, "--metric", "chrf,comet",
                                 "--comet-model", comet_dir, "-f", "json", "--paired-n", "200", "-q",
                                 timeout=600).stdout)
    assert again["systems"][0]["segment_comet"] == first["segment_comet"]
    free = run_mtkit("score", "--src", EN, AR, "--metric", "comet", "--comet-model", comet_dir, "-q", timeout=600)
    assert free.returncode == 2 and "needs a reference" in free.stderr
    assert len(free.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["--metric", "comet"], "needs --comet-model DIR"),
    (["--metric", "comet", "--comet-model", "/nonexistent/model"], "no such COMET model directory"),
    (["--metric", "comet", "--comet-model", str(ROOT / "corpora")], "no checkpoints/model.ckpt"),
])
def test_comet_bad_input_is_one_line(run_mtkit, args, message):
    if "corpora" in " ".join(args) or "nonexistent" in " ".join(args):
        pytest.importorskip("comet", reason="unbabel-comet (mtkit[comet]) is not installed")
    out = run_mtkit("score", "--src", EN, "--ref", FIXED, AR, *args, "-q")
    assert out.returncode == 2 and message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_missing_extra_names_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "comet", None)          # import comet now raises ImportError
    result = CliRunner().invoke(main, ["score", "--src", EN, "--ref", FIXED, AR, "--metric", "comet",
                                       "--comet-model", str(ROOT / "corpora"), "-q"])
    assert result.exit_code == 2 and "pip install 'mtkit[comet]'" in result.output
