"""mtkit.text.lemmas.all_lemmas answers as lemminflect's getAllLemmas does, from mtkit's cache."""
from __future__ import annotations

import os
import subprocess
import sys

from lemminflect import Lemmatizer, getAllLemmas

from mtkit.text.lemmas import _compile, all_lemmas, derived_bases, en_lemmas


def test_equal_to_lemminflect():
    known = sorted(set(Lemmatizer()._getLemmaDict()) | set(Lemmatizer()._getOverridesDict()))
    words = known[::37] + ["was", "Was", "WAS", "children", "Children's", "better", "unhappy", "xyzzy", "", "2nd", "I"]
    words += [w.upper() for w in known[::401]] + [w.capitalize() for w in known[::389]]
    for word in words:
        assert all_lemmas(word) == getAllLemmas(word), word


def test_the_compiled_table_is_parseable():
    table = _compile()
    assert len(table) > 50_000
    for word, entry in table.items():
        assert all(part.count(":") == 1 and part.split(":")[1] for part in entry.split(";")), (word, entry)


def test_a_warm_start_does_not_load_lemminflect(tmp_path):
    code = ("import sys; from mtkit.text.lemmas import all_lemmas; assert all_lemmas('went') == {'VERB': ('go',)};"
            "print('lemminflect' in sys.modules)")
    env = dict(os.environ, MTKIT_CACHE_DIR=str(tmp_path))
    cold = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    warm = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert (cold.stdout.strip(), warm.stdout.strip()) == ("True", "False")


def test_en_lemmas_are_the_lower_case_word_its_owner_and_its_lemmas_and_derived_bases_start_from_them():
    assert en_lemmas("Went") == {"went", "go"}
    assert en_lemmas("minister's") == {"minister's", "minister"}
    assert en_lemmas("usage") <= derived_bases("usage") and "use" in derived_bases("usage")
