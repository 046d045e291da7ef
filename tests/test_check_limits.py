"""Checks are near-linear in their input and deterministic: a huge token cannot stall an audit, and
the output is the same bytes under any PYTHONHASHSEED."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from mtkit.checks import all_checks, run_checks, select
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Segment


@pytest.fixture(scope="module")
def checks():
    chosen = select()
    run_checks(AnalyzedSegment(Segment("warm", "The minister did not say 5.", "لم يقل الوزير 5.")), chosen)
    return chosen        # lexicons loaded: what is timed below is the checks' own work


def test_a_200000_character_arabic_token_audits_in_seconds(checks):
    for token in ("ب" * 200_000, "كتابة" * 40_000):
        start = time.perf_counter()
        run_checks(AnalyzedSegment(Segment("big", "The word.", token)), checks)
        assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize("junk", ["@" * 20_000, "a" * 20_000, "a." * 10_000, "a.b-c@" * 3_000, "www." * 5_000])
def test_address_finding_is_linear(junk):
    """(Each of these took minutes with the former address pattern: its time grew with the cube of
    the token's length.)"""
    chk = all_checks()["untranslated.latin"]
    start = time.perf_counter()
    chk.run(AnalyzedSegment(Segment("junk", "x", junk)))
    assert time.perf_counter() - start < 5.0


PAIRS = [
    # two alternatives of one term in one sentence: which one a flag quotes once depended on the
    # order of a set (so on PYTHONHASHSEED: seeds 1 and 6 agreed, 14 did not)
    ("h0205", "The company's board approved a share buyback.", "وافق لوح الشركة على إعادة شراء الأسهم."),
    ("h0251", "Hospitals reported 300 new cases of cholera this week.",
     "أبلغت المستشفيات عن 300 قضية جديدة من الكوليرا هذا الأسبوع."),
    ("2", "Investors are making money hand over fist, and the attorney general opened an inquiry.",
     "المستثمرون يجنون المال قبضة اليد، وفتح المحامي العام تحقيقا."),
    ("3", "Elon Musk said Tesla would not cut 45 jobs in March.", "قال إيلون المسك إن تسلا ستخفض 54 وظيفة في مايو."),
]


def test_same_output_under_any_hash_seed(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps({"id": i, "en": en, "ar": ar}, ensure_ascii=False) + "\n"
                             for i, en, ar in PAIRS), encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-m", "mtkit", "audit", "--pairs", str(pairs), "-f", "json", "-q",
                              "-j", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONHASHSEED": seed})
            for seed in ("1", "6", "14")]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0] == outputs[2][0]
    flags = [f for s in json.loads(outputs[0][0])["segments"] for f in s["flags"]]
    assert {"terminology.domain", "idiom.literal", "number.mismatch"} <= {f["check"] for f in flags}
    # the first occurrence of a term is quoted
    assert {"company's board", "new cases"} <= {f["src_text"] for f in flags}
