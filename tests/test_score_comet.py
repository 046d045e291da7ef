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


def _encoder(root: Path, config_class) -> Path:
    """A tiny XLM-R encoder directory (config, sentencepiece model, tokenizer files) from the corpus."""
    import sentencepiece as spm
    from transformers import XLMRobertaTokenizer
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
    config_class(vocab_size=len(tokenizer), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                 intermediate_size=32, max_position_embeddings=514, pad_token_id=1, bos_token_id=0,
                 eos_token_id=2).save_pretrained(encoder)
    return encoder


def _save(root: Path, model, class_identifier: str) -> Path:
    import pytorch_lightning
    import torch
    import yaml
    hparams = {**dict(model.hparams), "class_identifier": class_identifier}
    (root / "hparams.yaml").write_text(yaml.safe_dump(hparams), encoding="utf-8")
    (root / "checkpoints").mkdir()
    torch.save({"state_dict": model.state_dict(), "hyper_parameters": dict(model.hparams),
                "pytorch-lightning_version": pytorch_lightning.__version__}, root / "checkpoints" / "model.ckpt")
    return root


def build_comet(root: Path) -> Path:
    """A COMET regression model directory: hparams.yaml, checkpoints/model.ckpt, and its encoder
    (config, sentencepiece model, tokenizer files) in ``encoder/``, named by path in the hparams."""
    import torch
    from comet.models import RegressionMetric
    from transformers import XLMRobertaConfig
    encoder = _encoder(root, XLMRobertaConfig)
    torch.manual_seed(0)
    model = RegressionMetric(encoder_model="XLM-RoBERTa", pretrained_model=str(encoder), hidden_sizes=[16],
                             layer="mix", load_pretrained_weights=False, layer_transformation="softmax")
    return _save(root, model, "regression_metric")


def build_xcomet(root: Path) -> Path:
    """A tiny xCOMET (comet's unified model on an XLM-R XL encoder, as the real ones are) whose word
    tagger says "major error" exactly where one random direction of the subword states is positive:
    random but fixed spans, some tokens in and some out, so error spans come out of comet's own
    decoding with its own character offsets."""
    import torch
    from comet.models import XCOMETMetric
    from transformers import XLMRobertaXLConfig
    encoder = _encoder(root, XLMRobertaXLConfig)
    torch.manual_seed(0)
    model = XCOMETMetric(encoder_model="XLM-RoBERTa-XL", pretrained_model=str(encoder), hidden_sizes=[16],
                         word_layer=2, load_pretrained_weights=False, layer_transformation="softmax")
    with torch.no_grad():      # labels O, I-minor, I-major, I-critical: only O and I-major can win
        for label in (0, 1, 3):
            model.hidden2tag.weight[label].zero_()
        model.hidden2tag.bias.copy_(torch.tensor([0.0, -50.0, 0.0, -50.0]))
    return _save(root, model, "xcomet_metric")


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


@pytest.fixture(scope="module")
def xcomet_dir(tmp_path_factory):
    pytest.importorskip("comet", reason="unbabel-comet (mtkit[comet]) is not installed")
    return build_xcomet(tmp_path_factory.mktemp("xcomet") / "tiny-xcomet")


def test_xcomet_error_spans_in_json_and_html(xcomet_dir, run_mtkit, tmp_path):
    """xCOMET's spans are character offsets into each output line (JSON), and the comparison page
    underlines exactly those characters in the disagreeing outputs."""
    import html
    import re
    args = ["score", "--src", EN, "--ref", FIXED, AR, FIXED, "--metric", "chrf,comet", "--comet-model", xcomet_dir,
            "--paired-n", "100", "-q"]
    out = run_mtkit(*args, "-f", "json", timeout=600)
    assert out.returncode == 0, out.stderr
    system = json.loads(out.stdout)["systems"][0]
    lines = Path(AR).read_text(encoding="utf-8").splitlines()
    spans = system["comet_error_spans"]
    assert len(spans) == len(lines) == 18 and sum(map(len, spans)) > 0
    for line, found in zip(lines, spans):
        for span in found:
            assert 0 <= span["start"] < span["end"] <= len(line) and span["severity"] == "major"
            assert line[span["start"]:span["end"]].strip() == line[span["start"]:span["end"]]   # whole characters
    page = tmp_path / "compare.html"
    made = run_mtkit(*args, "-f", "html", "-o", page, timeout=600)
    assert made.returncode == 0, made.stderr
    text = page.read_text(encoding="utf-8")
    assert "xCOMET error span" in text
    listed = [html.unescape(m) for m in re.findall(r'<li id="x\d+" class="xc-major">.*?<bdi [^>]*>(.*?)</bdi>', text)]
    outputs = lines + Path(FIXED).read_text(encoding="utf-8").splitlines()
    assert listed and all(any(item in line for line in outputs) for item in listed)
    assert text.count('class="xc xc-major"') >= len(listed)
