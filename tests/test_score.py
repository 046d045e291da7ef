"""mtkit.score: sacrebleu's numbers and signatures, several systems and references, paired tests,
per-segment chrF, inputs from text and table files, and documents aligned before scoring."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest

from mtkit.errors import InputError
from mtkit.io import read_lines
from mtkit.score import score, score_systems
from mtkit.score.inputs import read_column, system_name, unique_names

DATA = Path(__file__).parent / "data" / "score"
REF = read_lines(str(DATA / "ref.ar.txt"))
SYS_A = read_lines(str(DATA / "sys-a.ar.txt"))
SYS_B = read_lines(str(DATA / "sys-b.ar.txt"))


def test_default_numbers_and_signatures_are_sacrebleus():
    result = score(str(DATA / "ref.ar.txt"), [str(DATA / "sys-a.ar.txt")], significance=None)
    system = result.systems[0]
    for key, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
        expected = metric.corpus_score(SYS_A, [REF])
        assert system.scores[key].score == expected.score
        assert f"{system.scores[key].score:.2f}" == f"{expected.score:.2f}"
        assert system.scores[key].signature == metric.get_signature().format()
    assert system.name == "sys-a" and result.segments == len(REF)


def test_options_pass_through_and_show_in_signatures():
    options = {"tokenize": "char", "chrf_word_order": 2, "lowercase": True, "ter_normalized": True}
    result = score_systems([REF], {"a": SYS_A}, options=options, significance=None)
    scores = result.systems[0].scores
    assert scores["bleu"].score == BLEU(tokenize="char", lowercase=True).corpus_score(SYS_A, [REF]).score
    assert scores["chrf"].score == CHRF(word_order=2, lowercase=True).corpus_score(SYS_A, [REF]).score
    assert scores["ter"].score == TER(normalized=True).corpus_score(SYS_A, [REF]).score
    assert "tok:char" in scores["bleu"].signature and "case:lc" in scores["bleu"].signature
    assert "nw:2" in scores["chrf"].signature and scores["chrf"].name == "chrF2++"
    assert "norm:yes" in scores["ter"].signature
    with pytest.raises(ValueError, match="unknown score option"):
        score_systems([REF], {"a": SYS_A}, options={"tokenizer": "char"})


def test_several_references():
    result = score_systems([REF, SYS_B], {"a": SYS_A}, significance=None, metrics=("bleu", "chrf"))
    assert result.systems[0].scores["bleu"].score == BLEU().corpus_score(SYS_A, [REF, SYS_B]).score
    assert result.systems[0].scores["chrf"].score == CHRF().corpus_score(SYS_A, [REF, SYS_B]).score
    assert result.systems[0].scores["bleu"].signature.startswith("nrefs:2|")


def test_segment_chrf_and_worst_segments():
    result = score_systems([REF], {"a": SYS_A}, significance=None, worst=3)
    system = result.systems[0]
    chrf = CHRF()
    assert system.segment_chrf == pytest.approx([chrf.sentence_score(h, [r]).score for h, r in zip(SYS_A, REF)])
    assert [w.chrf for w in system.worst] == sorted(system.segment_chrf)[:3]
    assert system.worst[0].hyp == SYS_A[system.worst[0].index] and system.worst[0].refs == [REF[system.worst[0].index]]


@pytest.mark.parametrize("method, test_type", [("paired-bs", "bs"), ("paired-ar", "ar")])
def test_significance_is_sacrebleus_paired_test(method, test_type):
    result = score_systems([REF], {"a": SYS_A, "b": SYS_B}, significance=method, n_samples=200,
                           metrics=("bleu", "chrf"))
    # the same test run through sacrebleu directly
    metrics = {"bleu": BLEU(references=[REF]), "chrf": CHRF(references=[REF])}
    _, expected = PairedTest([("a", SYS_A), ("b", SYS_B)], metrics, None, test_type=test_type,
                             n_samples=200, n_ar_confidence=1000)()
    comps = {c.metric: c for c in result.comparisons}
    assert set(comps) == {"bleu", "chrf"}
    assert comps["bleu"].p_value == expected["BLEU"][1].p_value
    assert comps["chrf"].p_value == expected["chrF2"][1].p_value
    assert comps["chrf"].delta == pytest.approx(expected["chrF2"][1].score - expected["chrF2"][0].score)
    assert comps["chrf"].delta < 0 and comps["chrf"].significant and comps["chrf"].method == method
    low, high = comps["chrf"].ci
    assert low < expected["chrF2"][1].mean < high
    assert result.systems[0].scores["chrf"].ci is not None   # the baseline's interval too


def test_baseline_choice_and_no_test():
    result = score_systems([REF], {"a": SYS_A, "b": SYS_B}, baseline="b", n_samples=100, metrics=("chrf",))
    assert [s.name for s in result.systems] == ["b", "a"] and result.baseline == "b"
    assert result.comparisons[0].system == "a" and result.comparisons[0].delta > 0
    assert score_systems([REF], {"a": SYS_A, "b": SYS_B}, significance=None).comparisons == []
    with pytest.raises(InputError, match="--baseline 'c'"):
        score_systems([REF], {"a": SYS_A}, baseline="c")


def test_bad_input():
    with pytest.raises(InputError, match="35 lines, but the reference has 34") as info:
        score_systems([REF[:-1]], {"a": SYS_A}, paths={"a": "sys-a.ar.txt"})
    assert str(info.value).startswith("sys-a.ar.txt: ")
    # all-empty output is scored as sacrebleu scores it (0), with a note
    empty = score_systems([REF], {"e": [""] * len(REF)}, metrics=("bleu", "chrf"))
    assert empty.system("e").scores["bleu"].score == 0.0
    assert "system output 'e' is empty (every line is blank)" in empty.notes
    with pytest.raises(InputError, match="no such file"):
        score(str(DATA / "ref.ar.txt"), [str(DATA / "missing.ar.txt")])


def test_documents_are_aligned_when_asked():
    doc = read_lines(str(DATA / "sys-b.doc.ar.txt"))
    with pytest.raises(InputError, match="pass --align"):
        score_systems([REF], {"b": doc})
    aligned = score_systems([REF], {"b": doc}, align="auto", significance=None, metrics=("chrf",))
    plain = score_systems([REF], {"b": SYS_B}, significance=None, metrics=("chrf",))
    assert aligned.alignment is not None and aligned.notes
    assert aligned.alignment["ref_sentences"] == len(REF)
    assert 0 < aligned.segments <= len(REF)
    # the glued paragraphs come apart again: nearly the score of the line-aligned file
    assert aligned.systems[0].scores["chrf"].score == pytest.approx(plain.systems[0].scores["chrf"].score, abs=1.5)
    # two systems share one segmentation, so they can be tested against each other
    both = score_systems([REF], {"a": SYS_A, "b": doc}, align="auto", n_samples=100, metrics=("chrf",))
    assert len(both.systems[0].segment_chrf) == len(both.systems[1].segment_chrf) == both.segments


def test_names_and_table_inputs(tmp_path):
    assert system_name("out/sys-a.ar.txt") == "sys-a" and system_name("model.v2") == "model"
    assert unique_names(["x", "x", "y"]) == ["x", "x-2", "y"]
    pairs = str(DATA / "pairs.jsonl")
    assert read_column(pairs, None, ("ref", "ar")) == [json.loads(line)["ar"] for line in read_lines(pairs)]
    rows = [json.loads(line) for line in read_lines(pairs)]
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("en\tar\tsys_a\n" + "".join(f"{r['en']}\t{r['ar']}\t{r['sys_a']}\n" for r in rows), encoding="utf-8")
    assert read_column(str(tsv), "sys_a") == [r["sys_a"] for r in rows]
    import datasets
    table = datasets.Dataset.from_list(rows)
    table.to_parquet(str(tmp_path / "pairs.parquet"))
    table.save_to_disk(str(tmp_path / "pairs-ds"))
    for path in (tmp_path / "pairs.parquet", tmp_path / "pairs-ds"):
        assert read_column(str(path), "sys_b") == [r["sys_b"] for r in rows]
    with pytest.raises(InputError, match="no column 'nope'"):
        read_column(pairs, "nope")
    result = score(pairs, [], column=["sys_a", "sys_b"], significance=None)
    assert [s.name for s in result.systems] == ["sys_a", "sys_b"]
    assert result.systems[0].scores["chrf"].score == CHRF().corpus_score([r["sys_a"] for r in rows],
                                                                         [[r["ar"] for r in rows]]).score


def test_to_dict_has_the_contract_shape():
    data = score_systems([REF], {"a": SYS_A, "b": SYS_B}, n_samples=100, ref_paths=["ref.ar.txt"],
                         paths={"a": "sys-a.ar.txt", "b": "sys-b.ar.txt"}).to_dict()
    assert data["ref"] == "ref.ar.txt" and data["metrics"] == ["bleu", "chrf", "ter"]
    assert {"name", "path", "bleu", "chrf", "ter"} <= set(data["systems"][0])
    assert set(data["systems"][0]["bleu"]) >= {"score", "signature"}
    assert {"system", "baseline", "metric", "delta", "p_value", "method"} <= set(data["comparisons"][0])
    json.dumps(data)


@pytest.mark.parametrize("jobs", [1, 2])
def test_chrf_is_skipped_when_nothing_reads_it(jobs, monkeypatch):
    """BLEU or TER alone with segment_chrf=False: sacrebleu's numbers, no chrF computed;
    --worst still gets its chrF."""
    import importlib
    stats = importlib.import_module("mtkit.score.stats")
    score_module = importlib.import_module("mtkit.score")
    monkeypatch.setattr(stats, "MIN_PARTITION", 4)
    asked: list = []
    real_build = stats.build_metrics
    monkeypatch.setattr(stats, "build_metrics", lambda metrics, *a: asked.append(list(metrics)) or real_build(metrics, *a))
    real = score_module.build_metrics
    monkeypatch.setattr(score_module, "build_metrics", lambda metrics, *a: asked.append(list(metrics)) or real(metrics, *a))
    lean = score_systems([REF], {"a": SYS_A}, metrics=("ter",), significance=None, jobs=jobs, segment_chrf=False)
    assert lean.systems[0].scores["ter"].score == TER().corpus_score(SYS_A, [REF]).score
    assert lean.systems[0].segment_chrf == []
    assert asked and all(m == ["ter"] for m in asked)
    asked.clear()
    worst = score_systems([REF], {"a": SYS_A}, metrics=("bleu",), significance=None, jobs=jobs, worst=2,
                          segment_chrf=False)
    assert len(worst.systems[0].worst) == 2 and len(worst.systems[0].segment_chrf) == len(REF)
    assert ["bleu", "chrf"] in asked
