"""Text handling: normalization with offset maps, tokens, Arabic stems, sentence splitting."""
from mtkit.text.arabic import ar_stem
from mtkit.text.normalize import NormText, norm, normalize
from mtkit.text.tokens import Token, tokenize

__all__ = ["NormText", "Token", "ar_stem", "norm", "normalize", "split_sentences", "tokenize"]


def __getattr__(name: str):
    # the sentence splitter (and its data) when asked for: ``align --presegmented`` never is
    if name == "split_sentences":
        from mtkit.text.sentences import split_sentences
        return split_sentences
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
