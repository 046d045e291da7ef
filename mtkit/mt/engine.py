"""Loading a seq2seq translation model (Marian, M2M100, NLLB, mBART) and translating batches.
torch and transformers are imported here only, when a model is actually used."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from mtkit.errors import InputError
from mtkit.extras import require
from mtkit.mt.languages import LANGUAGES, codes, family_of
from mtkit.progress import progress

DEVICES = ("auto", "cpu", "cuda")
_TARGET_TOKEN = re.compile(r"^>>[\w-]+<<$")
_PAIR_NAME = re.compile(r"-([a-z]{2,3})-([a-z]{2,3})/?$")   # opus-mt-en-ar


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _looks_like_path(model: str) -> bool:
    return model.startswith((".", "/", "~")) or os.sep != "/" and os.sep in model or model.count("/") > 1


def _quiet_transformers() -> None:
    """transformers' own loading bars and advice would mix with mtkit's output on stderr (and the
    hub client's: a hub id offline logged 11 "Retrying in 1s…" lines before mtkit's one)."""
    import warnings
    from huggingface_hub.utils import logging as hub_logging   # (transformers' own dependency)
    from transformers.utils import logging as hf_logging
    hf_logging.set_verbosity_error()
    hub_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")


def _resolve_device(device: str):
    import torch
    if device not in DEVICES:
        raise InputError(f"--device must be one of {', '.join(DEVICES)}, not {device!r}")
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device == "cuda" and not torch.cuda.is_available():
        raise InputError("--device cuda: CUDA is not available on this machine")
    return torch.device(device)


def _lang_token(family: str, code: str) -> str:
    return f"__{code}__" if family == "m2m100" else code


def _known(tokenizer, token: str) -> bool:
    token_id = tokenizer.convert_tokens_to_ids(token)
    return token_id is not None and token_id != tokenizer.unk_token_id


@dataclass
class Translator:
    """A loaded model with what generation needs for one language direction."""
    name: str
    model: Any              # a transformers seq2seq model and its tokenizer (untyped library)
    tokenizer: Any
    family: str
    device: Any
    prefix: str = ""                                  # Marian multi-target models: ">>ara<< "
    generate_kwargs: dict = field(default_factory=dict)

    def translate_batch(self, sentences: Sequence[str], *, beams: int, max_length: int) -> list[str]:
        import torch
        batch = self.tokenizer([self.prefix + s for s in sentences], return_tensors="pt", padding=True,
                               truncation=True, max_length=max_length).to(self.device)
        with torch.inference_mode():
            out = self.model.generate(**batch, num_beams=beams, max_new_tokens=max_length,
                                      **self.generate_kwargs)
        return [t.strip() for t in self.tokenizer.batch_decode(out, skip_special_tokens=True)]


def _configure(translator: Translator, src_lang: str, tgt_lang: str) -> None:
    """Map ``en``/``ar`` to the model's own codes; a model without them is an InputError."""
    tok, family = translator.tokenizer, translator.family
    if family in ("m2m100", "nllb", "mbart"):
        chosen = {}
        for role, lang in (("source", src_lang), ("target", tgt_lang)):
            found = [c for c in codes(family, lang) if _known(tok, _lang_token(family, c))]
            if not found:
                raise InputError(f"the model has no {lang!r} language code "
                                 f"({'/'.join(codes(family, lang)) or 'none known'}) for the {role}", translator.name)
            chosen[role] = found[0]
        tok.src_lang = chosen["source"]
        if hasattr(tok, "tgt_lang"):
            tok.tgt_lang = chosen["target"]
        translator.generate_kwargs["forced_bos_token_id"] = tok.convert_tokens_to_ids(
            _lang_token(family, chosen["target"]))
    elif family == "marian":
        targets = [t for t in tok.get_vocab() if _TARGET_TOKEN.match(t)]
        if targets:   # a multi-target model: the target language is a token before the source
            found = [c for c in codes("marian", tgt_lang) if c in targets]
            if not found:
                raise InputError(f"the model has no target token for {tgt_lang!r} "
                                 f"({'/'.join(codes('marian', tgt_lang))})", translator.name)
            translator.prefix = found[0] + " "
        else:         # a single-pair model: its languages are in its tokenizer or its name
            declared = getattr(tok, "target_lang", None)
            match = _PAIR_NAME.search(translator.name.rstrip("/"))
            target = declared or (match.group(2) if match else None)
            if target and not target.lower().startswith(tgt_lang):
                raise InputError(f"the model translates into {target!r}, not {tgt_lang!r}", translator.name)


def load(model: str, *, src_lang: str = "en", tgt_lang: str = "ar", device: str = "auto") -> Translator:
    """Load a local transformers directory, or a hub id from the cache (or the network)."""
    require("mt", "translating with --model")
    for lang in (src_lang, tgt_lang):
        if lang not in LANGUAGES:
            raise InputError(f"unsupported language {lang!r} (supported: {', '.join(LANGUAGES)})")
    local = os.path.exists(model)
    if not local and _looks_like_path(model):
        raise InputError("no such model directory", model)
    if local and not os.path.isfile(os.path.join(model, "config.json")):
        raise InputError("not a transformers model directory (no config.json)", model)
    torch_device = _resolve_device(device)
    _quiet_transformers()
    from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer
    try:
        config = AutoConfig.from_pretrained(model)
    except Exception as exc:  # hub errors, bad JSON, unknown model type
        where = "not a local directory, and not loadable from the Hugging Face cache or hub"
        raise InputError(f"cannot load the model ({where if not local else _first_line(exc)})", model) from None
    if not getattr(config, "is_encoder_decoder", False):
        raise InputError(f"not a seq2seq translation model (model type {config.model_type!r})", model)
    try:
        tokenizer = AutoTokenizer.from_pretrained(model)
        network = AutoModelForSeq2SeqLM.from_pretrained(model)
    except Exception as exc:
        raise InputError(f"cannot load the model ({_first_line(exc)})", model) from None
    network.eval().to(torch_device)
    translator = Translator(model, network, tokenizer, family_of(tokenizer), torch_device)
    _configure(translator, src_lang, tgt_lang)
    return translator


def translate_sentences(translator: Translator, sentences: Sequence[str], *, batch_size: int = 16,
                        beams: int = 4, max_length: int = 256, quiet: bool = True) -> list[str]:
    """Translate in batches of similar length (less padding), and put the results back in order."""
    order = sorted(range(len(sentences)), key=lambda i: -len(sentences[i]))
    batches = [order[k:k + batch_size] for k in range(0, len(order), batch_size)]
    out: list[Optional[str]] = [None] * len(sentences)
    for batch in progress(batches, total=len(batches), desc="translate", quiet=quiet, unit="batch"):
        for i, text in zip(batch, translator.translate_batch([sentences[i] for i in batch],
                                                            beams=beams, max_length=max_length)):
            out[i] = text
    return [t or "" for t in out]
