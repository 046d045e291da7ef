"""mtkit.mt: loading seq2seq models, language codes per family, batched translation.

The models are tiny and random (built here, nothing downloaded): a MarianMT with a sentencepiece
model trained on the project's corpus, and M2M100, NLLB and mBART-50 configurations for the
language-code mapping. The translations are noise; what is tested is the plumbing."""
from __future__ import annotations

import atexit
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from mtkit.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "corpora" / "musk-trump.en.txt", ROOT / "corpora" / "musk-trump.ar.txt"]
TINY = dict(d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2, decoder_attention_heads=2,
            encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=128)
_BUILT: dict[str, Path] = {}   # one build per process, shared by every test module that imports this


def _sentencepiece() -> bytes:
    import sentencepiece as spm
    lines = [line for path in CORPUS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(lines), model_writer=model, vocab_size=300,
                                   model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
                                   pad_id=0, eos_id=1, unk_id=2, bos_id=-1, minloglevel=2)
    return model.getvalue()


def _pieces(proto: bytes) -> list[str]:
    import sentencepiece as spm
    sp = spm.SentencePieceProcessor(model_proto=proto)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _scratch(prefix: str) -> Path:
    """A temporary folder for a built model, removed when the test process ends."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, root, True)
    return root


def build_marian(target_lang: str = "ar") -> Path:
    """A tiny random MarianMT (d_model 16, 1 layer, ~300 pieces) saved in a temporary folder."""
    key = f"marian-{target_lang}"
    if key in _BUILT:
        return _BUILT[key]
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    root = _scratch(f"mtkit-{key}-")
    proto = _sentencepiece()
    (root / "source.spm").write_bytes(proto)
    (root / "target.spm").write_bytes(proto)
    vocab = {piece: i for i, piece in enumerate(_pieces(proto))}
    (root / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(str(root / "source.spm"), str(root / "target.spm"), str(root / "vocab.json"),
                                source_lang="en", target_lang=target_lang)
    config = MarianConfig(vocab_size=len(vocab), pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
                          forced_eos_token_id=1, **TINY)
    torch.manual_seed(0)
    MarianMTModel(config).save_pretrained(root)
    tokenizer.save_pretrained(root)
    _BUILT[key] = root
    return root


def build_multilingual(family: str) -> Path:
    """Tiny M2M100 / NLLB (M2M100 architecture) / mBART-50 models with their language codes."""
    if family in _BUILT:
        return _BUILT[family]
    from transformers import (M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer, MBart50Tokenizer,
                              MBartConfig, MBartForConditionalGeneration, NllbTokenizer)
    root = _scratch(f"mtkit-{family}-")
    proto = _sentencepiece()
    pieces = ["<s>", "<pad>", "</s>", "<unk>"] + _pieces(proto)[3:]
    if family == "m2m100":
        (root / "spm.model").write_bytes(proto)
        (root / "vocab.json").write_text(json.dumps({p: i for i, p in enumerate(pieces)}), encoding="utf-8")
        tokenizer = M2M100Tokenizer(str(root / "vocab.json"), str(root / "spm.model"))
    elif family == "nllb":
        tokenizer = NllbTokenizer(vocab={p: i for i, p in enumerate(pieces)}, merges=[])
    else:
        tokenizer = MBart50Tokenizer(vocab=[(p, 0.0) for p in pieces])
    size = len(tokenizer) + 256   # room for the language tokens, which M2M100 numbers after its vocabulary
    ids = dict(vocab_size=size, pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
               bos_token_id=0, decoder_start_token_id=tokenizer.eos_token_id)
    if family == "mbart":
        model = MBartForConditionalGeneration(MBartConfig(**ids, **TINY))
    else:
        model = M2M100ForConditionalGeneration(M2M100Config(**ids, **TINY))
    model.save_pretrained(root)
    tokenizer.save_pretrained(root)
    _BUILT[family] = root
    return root


@pytest.fixture(scope="session")
def marian() -> Path:
    return build_marian()


def test_translate_keeps_lines_and_splits_sentences(marian):
    from mtkit.mt import translate
    lines = ["Musk talks to Trump. He calls him often.", "", "Tesla builds cars."]
    result = translate(lines, str(marian), beams=1, max_length=8, batch_size=2)
    assert len(result.lines) == 3 and result.lines[1] == ""
    assert all(result.lines[i] for i in (0, 2))
    assert result.sentences == 3
    assert result.to_dict()["lines"][2]["src"] == "Tesla builds cars."


def test_batches_are_put_back_in_input_order(marian):
    from mtkit.mt.engine import load, translate_sentences
    translator = load(str(marian), device="cpu")
    sentences = ["Musk.", "Trump met Musk in Florida last month.", "Tesla", "SpaceX gets money."]
    one_by_one = [translate_sentences(translator, [s], beams=1, max_length=6)[0] for s in sentences]
    batched = translate_sentences(translator, sentences, batch_size=4, beams=1, max_length=6)
    assert len(batched) == len(sentences)
    # padding changes nothing for these short inputs: each output sits at its own input's place
    assert batched == one_by_one


@pytest.mark.parametrize("family, src, tgt", [("m2m100", "__en__", "__ar__"), ("nllb", "eng_Latn", "arb_Arab"),
                                              ("mbart", "en_XX", "ar_AR")])
def test_language_codes_are_mapped_per_family(family, src, tgt):
    from mtkit.mt import translate
    from mtkit.mt.engine import load
    translator = load(str(build_multilingual(family)), device="cpu")
    tok = translator.tokenizer
    assert translator.family == family
    assert translator.generate_kwargs["forced_bos_token_id"] == tok.convert_tokens_to_ids(tgt)
    # the source language code is what the tokenizer puts into the encoder input
    assert tok.convert_tokens_to_ids(src) in tok("Musk").input_ids
    out = translate(["Musk met Trump."], str(build_multilingual(family)), beams=1, max_length=5, translator=translator)
    assert len(out.lines) == 1


def test_english_target_maps_too():
    from mtkit.mt.engine import load
    translator = load(str(build_multilingual("nllb")), src_lang="ar", tgt_lang="en", device="cpu")
    assert translator.generate_kwargs["forced_bos_token_id"] == translator.tokenizer.convert_tokens_to_ids("eng_Latn")


def test_model_without_arabic_is_an_input_error():
    from mtkit.mt.engine import load
    with pytest.raises(InputError, match="translates into 'de', not 'ar'"):
        load(str(build_marian("de")), device="cpu")


def test_bad_model_paths(tmp_path):
    from mtkit.mt.engine import load
    with pytest.raises(InputError, match="no such model directory"):
        load(str(tmp_path / "missing"))
    with pytest.raises(InputError, match="no config.json"):
        load(str(tmp_path))
    with pytest.raises(InputError, match="CUDA is not available"):
        import torch
        if torch.cuda.is_available():
            pytest.skip("a GPU is present")
        load(str(build_marian()), device="cuda")


def test_import_mtkit_and_mt_stay_light():
    code = ("import sys, mtkit, mtkit.mt, mtkit.cli, mtkit.score; "
            "print(any(m in sys.modules for m in ('torch', 'transformers')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
