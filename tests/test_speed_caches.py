"""The memos and gates added for speed (eval/tico19.py --speed) give what the long way gives."""
from __future__ import annotations

import random

from mtkit.checks.document import SUPPORT, WITH_AR, WITH_EN, analyze
from mtkit.data import data_path
from mtkit.model import Segment
from mtkit.text import lexicon, numbers, translit
from mtkit.text.dictionary import bilingual


def _article(corpora) -> list:
    """The bundled article's paragraphs side by side, as one document (roughly aligned: the test
    needs words that travel together, and words that do not)."""
    en = (corpora / "musk-trump.en.txt").read_text(encoding="utf-8").split("\n")
    ar = (corpora / "musk-trump.ar.txt").read_text(encoding="utf-8").split("\n")
    pairs = [(e, a) for e, a in zip(en, ar) if e.strip() and a.strip()]
    return analyze([Segment(f"a:{k}", e, a, doc="a") for k, (e, a) in enumerate(pairs)])


def _slow_renders(seg, en_word: str, ar_core: str) -> bool:
    """``DocumentContext.renders`` without its count gate: the intersection always taken."""
    doc = seg.document
    en, ar, place = doc._pairs_with
    with_en, with_ar = en.get(en_word), ar.get(ar_core)
    if not with_en or not with_ar:
        return False
    here = place[id(seg)]
    n_en, n_ar = len(with_en) - (here in with_en), len(with_ar) - (here in with_ar)
    if min(n_en, n_ar) < SUPPORT:
        return False
    both = len(with_en & with_ar) - (here in with_en and here in with_ar)
    return both >= SUPPORT and both >= WITH_EN * n_en and both >= WITH_AR * n_ar


def test_document_renderings_gated_by_counts_are_the_full_test(corpora):
    segs = _article(corpora)
    found = 0
    for seg in segs:
        words = sorted({t.norm for t in seg.src_words})
        for j, core in enumerate(seg.tgt_cores):
            slow = any(_slow_renders(seg, w, core) for w in words)
            assert seg.document.rendering_of(seg, j) == slow, (seg.segment.id, core)
            found += slow
        for word in words:
            slow_in = [j for j, core in enumerate(seg.tgt_cores) if _slow_renders(seg, word, core)]
            assert seg.document.rendered_in(seg, word) == slow_in, (seg.segment.id, word)
    assert found > 0                      # the article does teach some renderings


def test_word_frequency_search_finds_every_listed_word_and_no_other():
    rng = random.Random(9)
    for lang in ("ar", "en"):
        listed: dict[str, int] = {}
        with data_path(f"wordfreq.{lang}.tsv").open(encoding="utf-8") as stream:
            for line in stream:
                if not line.startswith("#"):
                    word, cb = line.rstrip("\n").split("\t")
                    listed[word] = int(cb)
        words = rng.sample(sorted(listed), 3000)
        # unlisted neighbours: a letter dropped or doubled
        others = [w[:-1] for w in words] + [w + w[-1] for w in words]
        fresh = lexicon._SortedList(f"wordfreq.{lang}.tsv")        # no index yet: long searches too
        for word in words + others + [min(listed), max(listed)]:
            assert fresh.centibels(word) == listed.get(word), (lang, word)


def _slow_one_edit(a: str, b: str) -> bool:
    """At most one edit apart, the Levenshtein table's way."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1] <= 1


def _slow_skeletons_match(en: str, ar: str) -> bool:
    """skeletons_match's rules (keep them in step) without its length test."""
    if not en or not ar:
        return False
    if en[0] == "H" and len(en) > 2 and en[1:] == ar:
        return True
    if en[-1] == "S" and len(en) > 2 and en[:-1] == ar:
        return True
    if ar[-1] == "S" and len(en) > 2 and ar[:-1] == en:
        return True
    if en == ar:
        return len(en) >= 2
    return min(len(en), len(ar)) >= 4 and _slow_one_edit(en, ar)


def test_name_matching_memos_and_length_test_change_no_answer():
    rng = random.Random(4)
    classes = "BTDKMNSLRFHGY"
    skeletons = ["".join(rng.choice(classes) for _ in range(rng.randint(0, 7))) for _ in range(400)]
    for en in skeletons:
        for ar in rng.sample(skeletons, 40) + [en, en[1:], en[:-1], "H" + en, en + "S"]:
            assert translit.skeletons_match.__wrapped__(en, ar) == _slow_skeletons_match(en, ar), (en, ar)
    for a in skeletons[:100]:
        for b in skeletons:
            assert translit._one_edit(a, b) == _slow_one_edit(a, b), (a, b)
    for name, ar in (("Musk", "ماسك"), ("Wuhan", "ووهان"), ("Mayo", "مايو"), ("Kobe", "كوبه"), ("Musk", "الصين"),
                     ("Zhou", "تشو"), ("Charité", "شاريتيه"), ("Hughes", "هيوز")):
        skel = translit.en_skeletons(name)
        slow = any(_slow_skeletons_match(s, form) or (len(s) == 1 and s == form and len(ar) <= 4)
                   for s in skel for form in translit.ar_forms(ar))
        assert translit.names_match(skel, ar) == translit.names_match.__wrapped__(skel, ar) == slow, (name, ar)


def test_memoized_word_lookups_are_the_lookups():
    for word, lang in (("ثلاثة", "ar"), ("وثلاثة", "ar"), ("احد", "ar"), ("الصين", "ar"), ("three", "en"), ("the", "en")):
        assert numbers._number_word(word, lang) == numbers._number_word.__wrapped__(word, lang)
    lex = bilingual()
    if lex is not None:
        for word in ("الصين", "المدرسة", "والمدارس", "ماسك", "xyz"):
            assert lex.ar_to_en(word) == lex._find_english(word) == lex.ar_to_en(word)
    from mtkit.checks import idiom
    idioms = idiom.lexicon()
    for lemma in ("towel", "throw", "the", "zzzz"):
        assert idioms._numbers(lemma) == idioms._table.get("l:" + lemma)
        assert [i.en for i in idioms.get(lemma)] == [idioms._idiom(n).en for n in (idioms._table.get("l:" + lemma) or "").split()]


def test_name_matching_over_a_real_article_is_the_long_way(corpora):
    segs = _article(corpora)
    names = {seg.src[t.start:t.end] for seg in segs for _, t in seg.src_capitalized()}
    arabic = {form for seg in segs for bare in seg.tgt_bare for form in bare}
    hits = 0
    for name in sorted(names):
        skel = translit.en_skeletons(name)
        for ar in sorted(arabic):
            slow = any(_slow_skeletons_match(s, form) or (len(s) == 1 and s == form and len(ar) <= 4)
                       for s in skel for form in translit.ar_forms(ar))
            assert translit.names_match(skel, ar) == slow, (name, ar)
            assert translit.transliterates(name, ar) == _slow_skeletons_match(translit.en_skeleton(name),
                                                                               translit.ar_skeleton(ar)), (name, ar)
            hits += slow
    assert hits > 0


def _slow_associated(seg) -> dict[int, int]:
    """clauses.evidence.associated counting the pairs holding both words for every word pair (no count gate)."""
    from mtkit.checks.clauses.evidence import ASSOCIATION_DICE, ASSOCIATION_SUPPORT
    from mtkit.checks.clauses.words import ar_content, en_content
    doc, scored = seg.document, []
    for i, tok in enumerate(seg.src_words):
        if tok.norm.isalpha() and en_content(tok.norm):
            for j, t in enumerate(seg.tgt_words):
                if ar_content(t.norm):
                    core = seg.tgt_cores[j]
                    n_en, n_ar, both = doc.en_count(seg, tok.norm), doc.ar_count(seg, core), doc.both_count(seg, tok.norm, core)
                    if n_en >= ASSOCIATION_SUPPORT and both >= ASSOCIATION_SUPPORT \
                            and 2 * both >= ASSOCIATION_DICE * (n_en + n_ar):
                        scored.append((-2 * both / (n_en + n_ar), i, j))
    links: dict[int, int] = {}
    for _, i, j in sorted(scored):
        if i not in links and j not in links.values():
            links[i] = j
    return links


def test_clause_evidence_gates_and_indexes_are_the_long_way(corpora):
    from mtkit.checks.clauses import evidence, words
    from mtkit.checks.entity import _each_strict_hit, _has_strict_hit, _strict_hits
    lex = bilingual()
    segs = _article(corpora)
    associations = 0
    for seg in segs:
        assert evidence.associated(seg) == _slow_associated(seg), seg.segment.id
        associations += len(evidence.associated(seg))
        if lex is not None:
            for tok in seg.src_words:
                assert words.en_stems(tok.norm, lex) == words.look_up_en(tok.norm, lex).stems
        ar = [translit.ar_skeleton(bare[-1]) for bare in seg.tgt_bare]
        en = [translit.en_skeleton(t.norm) for t in seg.src_words if len(t.norm) >= 3]
        for skeleton in ar:
            assert words.sounds_like_one_of(words.skeletons_by_length(en), skeleton, english=True) == \
                any(words.sounds_like(e, skeleton) for e in en)
        for skeleton in en:
            assert words.sounds_like_one_of(words.skeletons_by_length(ar), skeleton, english=False) == \
                any(words.sounds_like(skeleton, a) for a in ar)
        for _, tok in seg.src_capitalized():
            name = seg.src[tok.start:tok.end]
            assert _has_strict_hit(seg, name) == bool(_strict_hits(seg, name)) == bool(list(_each_strict_hit(seg, name)))
    assert associations > 0


def test_derivation_suffixes_by_last_letter_try_every_suffix_a_word_ends_with():
    from mtkit.text import lemmas
    for suffix, repl in lemmas._DERIVATIONS:
        assert (suffix, repl) in lemmas._BY_LAST_LETTER[suffix[-1]]
    for word in ("organization", "usage", "user", "treatment", "closely", "employee", "biological", "station", "x", ""):
        tried = lemmas._BY_LAST_LETTER.get(word[-1:], ())
        assert [d for d in lemmas._DERIVATIONS if word.endswith(d[0])] == [d for d in tried if word.endswith(d[0])]


def _lexical(seg, j, en, ar):
    """The strongest lexical evidence that Arabic word ``j`` (``ar``) renders the English word ``en``
    (0: none), word by word: the reading clauses.evidence._LexicalIndex does for a whole pair at once."""
    from mtkit.checks.clauses import evidence, words
    from mtkit.text.translit import part_of
    if seg.tgt_cores[j] in en.stems or seg.tgt_stems[j] in en.stems or en.lemmas & ar.fd_lemmas or en.keys & ar.fd_keys:
        return evidence.FREEDICT
    if en.lemmas & ar.gl_lemmas or en.keys & ar.gl_keys:
        return evidence.GLOSS
    if en.compound is not None and part_of(ar.skeleton, en.compound):
        return evidence.COMPOUND
    if ar.root is not None and ar.root in en.roots:
        return evidence.ROOT
    return evidence.TRANSLITERATION if words.sounds_like(en.skeleton, ar.skeleton) else 0


def test_lexical_index_is_each_word_pair_tested(corpora):
    from mtkit.checks.clauses import evidence, words
    lex = bilingual()
    if lex is None:
        return
    kinds = set()
    for seg in _article(corpora):
        en_words = [(i, words.look_up_en(t.norm, lex)) for i, t in enumerate(seg.src_words)]
        index = evidence._LexicalIndex(en_words)
        for j, tok in enumerate(seg.tgt_words):
            ar = words.look_up_ar(tok.norm, seg.tgt_bare[j][-1], lex)
            slow = {i: s for i, en in en_words for s in [_lexical(seg, j, en, ar)] if s}
            assert index.lexical(ar, seg.tgt_cores[j], seg.tgt_stems[j]) == slow, (seg.segment.id, tok.norm)
            kinds.update(slow.values())
    assert {evidence.FREEDICT, evidence.GLOSS, evidence.TRANSLITERATION} <= kinds


def test_pair_form_counts_are_the_count_per_word(corpora):
    from collections import Counter
    from mtkit.checks.entity import _holding
    for seg in _article(corpora):
        forms = Counter({f: sum(f in bare for bare in seg.tgt_bare) for bare in seg.tgt_bare for f in bare})
        assert _holding(seg) == forms


def test_added_clause_gate_bounds_every_run_the_rules_weigh(corpora):
    """clauses.added._may_hold_added reads the runs over the words found without links (free_ar): those
    words are found in seen_ar and in the evidence too, and a run's known words never grow as more are found."""
    from mtkit.checks.clauses import added, evidence, words
    from mtkit.checks.clauses.rules import ADDED
    from mtkit.checks.clauses.runs import lonely_runs
    lex = bilingual()
    if lex is None:
        return
    known = lambda w: words.known_ar(w, lex)     # noqa: E731
    rng = random.Random(13)

    def most_known(seg, found) -> int:
        runs = lonely_runs(seg.tgt_tokens, seg.tgt_words, found, "ar", known, bounded=True, tolerance=ADDED.tolerance)
        return max((r.known for r in runs), default=0)
    stopped = 0
    for seg in _article(corpora):
        free = evidence.free_ar(seg)
        ev = evidence.evidence(seg, lex)
        for found in (evidence.seen_ar(seg, lex), ev.found_ar):
            assert all(f for f, lone in zip(found, free) if lone), seg.segment.id
            assert most_known(seg, found) <= most_known(seg, free), seg.segment.id
        for _ in range(5):          # any reading that finds more: never more known words in a run
            more = [f or rng.random() < 0.3 for f in free]
            assert most_known(seg, more) <= most_known(seg, free), seg.segment.id
        if not added._may_hold_added(seg, known):
            stopped += 1
            assert most_known(seg, ev.found_ar) < added._ADDED_FEWEST
    assert stopped > 0                    # the article has pairs the gate stops


def _slow_word_candidates(src, tgt) -> list:
    """align.words' candidate links the long way: every English word against every Arabic word."""
    from mtkit.align.words import is_content
    from mtkit.text import dictionary
    from mtkit.text.arabic import ar_bare
    lex = dictionary.bilingual()
    out = []
    for i, s in enumerate(src):
        word = s.norm
        if not is_content(word, "en") or word.isdigit():
            continue
        stems = lex.ar_stems(word) if lex is not None else frozenset()
        skeleton = translit.en_skeleton(word) if not stems and len(word) >= 3 else None
        for j, t in enumerate(tgt):
            if t.norm.isdigit() or not is_content(t.norm, "ar"):
                continue
            if word == t.norm:
                out.append((i, j, "same"))
            elif t.norm.isascii():
                continue
            elif skeleton is not None and any(translit.skeletons_match(skeleton, translit.ar_skeleton(f))
                                              for f in ar_bare(t.norm)):
                out.append((i, j, "name"))
            elif dictionary.ar_key(t.norm) in stems:
                out.append((i, j, "dictionary"))
    return out


def test_word_link_candidates_by_index_are_every_word_pair_tested(corpora):
    from mtkit.align.words import _word_candidates
    kinds = set()
    for seg in _article(corpora):
        slow = _slow_word_candidates(seg.src_words, seg.tgt_words)
        assert sorted(_word_candidates(seg.src_words, seg.tgt_words)) == sorted(slow), seg.segment.id
        kinds.update(kind for _, _, kind in slow)
    assert {"same", "name", "dictionary"} <= kinds or bilingual() is None


def test_stretches_by_walking_the_tokens_are_the_index_of_each_word(corpora):
    """clauses.runs.between_punctuation walks the tokens beside the words (the same objects, in order) instead of
    indexing the words by identity; words_of is the tokens that are words."""
    from mtkit.checks.clauses.runs import _AR_PUNCT, _EN_PUNCT, between_punctuation
    from mtkit.text.tokens import words_of

    def slow(tokens, words, punct):
        index = {id(t): k for k, t in enumerate(words)}
        out: list[list[int]] = [[]]
        for tok in tokens:
            if id(tok) in index:
                out[-1].append(index[id(tok)])
            elif tok.norm in punct:
                out.append([])
        return out
    for seg in _article(corpora):
        assert words_of(seg.src_tokens) == [t for t in seg.src_tokens if t.is_word]
        assert between_punctuation(seg.src_tokens, seg.src_words, "en") == slow(seg.src_tokens, seg.src_words, _EN_PUNCT)
        assert between_punctuation(seg.tgt_tokens, seg.tgt_words, "ar") == slow(seg.tgt_tokens, seg.tgt_words, _AR_PUNCT)


def test_names_missing_from_a_pair_are_found_once(monkeypatch):
    """entity.missing and entity.dropped find a pair's names once: omission.clause_words asks again
    (clauses.dropped._missing_names) and gets the same findings."""
    from mtkit.checks import entity
    from mtkit.checks.clauses import dropped
    calls = {"missing": 0, "dropped": 0}
    found = {"missing": entity._missing_entities, "dropped": entity._dropped_names}

    def counting(kind):
        def run(seg):
            calls[kind] += 1
            return found[kind](seg)
        return run
    monkeypatch.setattr(entity, "_missing_entities", counting("missing"))
    monkeypatch.setattr(entity, "_dropped_names", counting("dropped"))
    seg = analyze([Segment("s", "Reuters said Chimamanda Ngozi Adichie spoke in Lagos on Monday.",
                           "قالت الكاتبة إنها تحدثت في لاغوس يوم الاثنين.")])[0]
    first = list(entity.entity_missing(seg)) + list(entity.name_dropped(seg))
    assert first and dropped._missing_names(seg) == [f.src_span for f in first]
    assert calls == {"missing": 1, "dropped": 1}


def test_dropped_clause_coverage_of_none_asks_nothing(corpora, monkeypatch):
    """A coverage share of 0 holds for every pair: seen_ar, a pass over every Arabic word, is not asked;
    a share above 1 holds for none (with content words)."""
    from mtkit.checks.clauses import dropped
    lex = bilingual()
    seg = _article(corpora)[1]
    assert not dropped._covered(seg, lex, 1.5)
    monkeypatch.setattr(dropped, "seen_ar", lambda seg, lex: (_ for _ in ()).throw(AssertionError("asked")))
    assert dropped._covered(seg, lex, 0.0)


def _letter_by_letter_en(word: str, silent_h: bool = True) -> str:
    """en_skeleton as first written: at each letter the longest piece of the table (3, 2, 1 letters)."""
    latin, _ = translit._tables()
    word = word.lower().removesuffix("'s")
    if silent_h:
        word = translit._SILENT_H.sub("", word)
    out, i = [], 0
    while i < len(word):
        for size in (3, 2, 1):
            piece = word[i:i + size]
            if len(piece) == size and piece in latin:
                soft = piece == "c" and word[i + 1:i + 2] in ("e", "i", "y")
                out.extend(["S"] if soft else ["K", "S"] if piece == "x" else [latin[piece]])
                i += size
                break
        else:
            i += 1
    return _classes_once(out)


def _classes_once(classes: list[str]) -> str:
    out: list[str] = []
    for c in classes:
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def test_skeletons_in_one_pass_are_the_letter_by_letter_reading(corpora):
    from mtkit.text.normalize import norm
    _, arabic = translit._tables()
    text = " ".join((corpora / name).read_text(encoding="utf-8") for name in ("musk-trump.en.txt", "musk-trump.ar.txt"))
    tricky = ["Matovič", "Charité", "Schmidt", "Kochhar", "accident", "ACCENT's", "Xerxes", "cc", "c", "ce", "x",
              "Johns", "Sarah", "Rahman", "ﻻ", "ﷲ", "مُحَمَّد", "تشو", "بيلتزز", "ـــ", "a\u200cb", "٣٤"]
    words = sorted({*text.split(), *tricky})
    assert len(words) > 800
    for word in words:
        for silent_h in (True, False):
            assert translit.en_skeleton(word, silent_h) == _letter_by_letter_en(word, silent_h), word
        plain = _classes_once([arabic.get(ch, "") for ch in norm(word)])
        assert translit._plain_skeleton(word) == plain, word
        assert translit.ar_skeleton(word) == _classes_once([arabic.get(ch, "") for ch in norm(word).replace("تش", "ش")])


def test_word_frequency_of_one_plain_token_by_its_centibels_is_the_full_computation(corpora):
    text = " ".join((corpora / name).read_text(encoding="utf-8") for name in ("musk-trump.en.txt", "musk-trump.ar.txt"))
    words = sorted({w.strip(".,:;\"'()") for w in text.split()} - {""})
    joined = [a + b for a, b in zip(words, words[1:])]           # mostly unlisted
    for word in [*words, *joined, "2020", "covid-19", "it's", "l'homme", "ـــ"]:
        for lang in ("en", "ar"):
            assert lexicon.zipf(word, lang) == lexicon._zipf_of(lexicon._frequency(word, lang)), (word, lang)


def test_common_arabic_words_by_the_set_are_the_frequency_test(corpora, monkeypatch, tmp_path):
    """ar_at_least from the set of common listed words (spacing.split's joins of adjacent words) says
    what ``zipf(word) >= least`` says: for listed words at, above and below the bar, the article's
    words and their joins, and words the set never answers (tatweel, Latin, digits, empty)."""
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(lexicon, "SEARCHES_BEFORE_SET", 0)
    lexicon._ar_words_at_least.cache_clear()
    try:
        listed = lexicon._list("ar")
        lines = listed.blob[listed.start:].split(b"\n")[:-1]
        sample = [line.partition(b"\t")[0].decode("utf-8") for line in lines[::97]]
        text = (corpora / "musk-trump.ar.txt").read_text(encoding="utf-8")
        words = sorted({w.strip(".,:;\"'()«»،") for w in text.split()} - {""})
        joined = [a + b for a, b in zip(words, words[1:])]
        odd = ["", "ـ", "كـتاب", "abc", "كتاب1", "الكتاب", "في", "فيال"]
        for least in (3.5, 3.0):
            common = lexicon._ar_words_at_least(least)
            assert common is not None and common == listed.words_at_least(least)
            for word in [*sample, *sorted(common)[::50], *words, *joined, *odd]:
                assert lexicon.ar_at_least(word, least) == (lexicon.zipf(word) >= least), (word, least)
    finally:
        lexicon._ar_words_at_least.cache_clear()


def test_without_a_cache_common_arabic_words_are_searched(monkeypatch):
    monkeypatch.setenv("MTKIT_CACHE_DIR", "")
    monkeypatch.setattr(lexicon, "SEARCHES_BEFORE_SET", 0)
    lexicon._ar_words_at_least.cache_clear()
    try:
        assert lexicon._ar_words_at_least(3.5) is None          # (building it would cost a short run more)
        assert lexicon.ar_at_least("الكتاب", 3.5) == (lexicon.zipf("الكتاب") >= 3.5)
        assert not lexicon.ar_at_least("فيالكتاب", 3.5)
    finally:
        lexicon._ar_words_at_least.cache_clear()
