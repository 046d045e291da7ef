"""The gate uses the error profile: ``max_score.error`` (the weighted error score per 1,000 source
words) and ``max_rise`` (a category's flags per 1,000 words may not rise significantly against the
baseline), on the bundled article and its corrected translation."""
from __future__ import annotations

import json

import pytest

import mtkit
from mtkit.errors import InputError


@pytest.fixture
def here(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()          # no outer configuration applies
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_max_rise_fails_only_on_a_significant_rise(here, corpora):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    worse = mtkit.gate([en, mt], baseline=fixed, overrides={"max_rise": ["idiom=0", "error=10", "number=0"]})
    rules = {r.name: r for r in worse.rules}
    assert not rules["max_rise.idiom"].passed and rules["max_rise.idiom"].p_value < 0.05
    assert rules["max_rise.idiom"].value == pytest.approx(3.937, abs=0.001)
    assert not rules["max_rise.error"].passed
    assert rules["max_rise.number"].passed and rules["max_rise.number"].p_value == 1.0
    better = mtkit.gate([en, fixed], baseline=mt, overrides={"max_rise": ["idiom=0", "error=0"]})
    assert better.passed and all(r.value < 0 for r in better.rules)


def test_max_score_error(here, corpora):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    assert not mtkit.gate([en, mt], overrides={"max_score": ["error=20"]}).passed
    verdict = mtkit.gate([en, fixed], overrides={"max_score": ["error=20"]})
    assert verdict.passed and verdict.rules[0].value < 20 and "penalty per 1,000" in verdict.rules[0].detail


def test_config_file_and_errors(here, corpora, run_mtkit):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    (here / "mtkit.toml").write_text("[gate]\nmax_rise = {idiom = 0.0}\nmax_score = {error = 100}\n", encoding="utf-8")
    out = run_mtkit("gate", en, mt, "--baseline", fixed, "-f", "json", "-q", cwd=here)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert [(r["name"], r["passed"]) for r in data["rules"]] == [("max_score.error", True), ("max_rise.idiom", False)]
    missing = run_mtkit("gate", en, mt, "-q", cwd=here)
    assert missing.returncode == 2 and "needs --baseline" in missing.stderr
    (here / "mtkit.toml").write_text("[gate]\nmax_rise = {idioms = 0.0}\n", encoding="utf-8")
    bad = run_mtkit("gate", en, mt, "--baseline", fixed, cwd=here)
    assert bad.returncode == 2 and "max_rise.idioms" in bad.stderr and "unknown category" in bad.stderr
    (here / "mtkit.toml").unlink()
    with pytest.raises(InputError, match="lines, but the source has 18"):
        mtkit.gate([en, mt], baseline=str(corpora / "REVIEW.md"), overrides={"max_rise": ["idiom=0"]})


# ---- max_rise from audit JSONs written earlier (no source text given to the gate) -----------

@pytest.fixture(scope="module")
def audits(tmp_path_factory, corpora, run_mtkit):
    """Audit JSONs of the article's MT, its corrected translation, and the corrected translation
    with two sentences joined into one (so its aligner pairs two English sentences with one)."""
    folder = tmp_path_factory.mktemp("audits")
    (folder / ".git").mkdir()
    lines = (corpora / "musk-trump.corrected.ar.txt").read_text(encoding="utf-8").split("\n")
    joined = lines[0].replace("وول ستريت جورنال. وبينما", "وول ستريت جورنال، وبينما", 1)
    assert joined != lines[0]
    (folder / "joined.ar.txt").write_text("\n".join([joined] + lines[1:]), encoding="utf-8")
    out = {}
    for name, ar in (("mt", corpora / "musk-trump.ar.txt"), ("fixed", corpora / "musk-trump.corrected.ar.txt"),
                     ("joined", folder / "joined.ar.txt")):
        proc = run_mtkit("audit", corpora / "musk-trump.en.txt", ar, "-f", "json", "-o", folder / f"{name}.json",
                         "-q", cwd=folder)
        assert proc.returncode in (0, 1), proc.stderr
        out[name] = folder / f"{name}.json"
    return folder, out


def _idioms_per_1k(path) -> float:
    data = json.loads(path.read_text(encoding="utf-8"))
    return 1000.0 * data["summary"]["by_category"].get("idiom", 0) / data["summary"]["src_words"]


def test_max_rise_from_two_audit_jsons(audits, run_mtkit):
    folder, json_of = audits
    worse = run_mtkit("gate", "--audit-json", json_of["mt"], "--baseline", json_of["fixed"], "--max-rise", "idiom=0",
                      "--max-rise", "error=10", "--max-rise", "number=0", "-f", "json", cwd=folder)
    assert worse.returncode == 1, worse.stderr
    rules = {r["name"]: r for r in json.loads(worse.stdout)["rules"]}
    idiom = rules["max_rise.idiom"]
    assert not idiom["passed"] and idiom["p_value"] < 0.05
    # the rise is the audits' own counts per 1,000 source words (both audits read the same English)
    assert idiom["value"] == pytest.approx(_idioms_per_1k(json_of["mt"]) - _idioms_per_1k(json_of["fixed"]), abs=1e-3)
    assert idiom["value"] > 0 and not rules["max_rise.error"]["passed"]
    assert rules["max_rise.number"]["passed"] and rules["max_rise.number"]["p_value"] == 1.0
    better = run_mtkit("gate", "--audit-json", json_of["fixed"], "--baseline", json_of["mt"], "--max-rise", "idiom=0",
                       "--max-rise", "error=0", cwd=folder)
    assert better.returncode == 0, better.stderr + better.stdout


def test_max_rise_pairs_audits_that_segmented_differently(audits, run_mtkit):
    """The joined translation's audit has one segment fewer: its segments pair with the MT's on
    the English sentences they cover, and the rise is the same counts per 1,000 words."""
    folder, json_of = audits
    joined = json.loads(json_of["joined"].read_text(encoding="utf-8"))
    mt = json.loads(json_of["mt"].read_text(encoding="utf-8"))
    assert len(joined["segments"]) < len(mt["segments"])
    proc = run_mtkit("gate", "--audit-json", json_of["mt"], "--baseline", json_of["joined"], "--max-rise", "idiom=0",
                     "-f", "json", cwd=folder)
    assert proc.returncode == 1, proc.stderr
    (rule,) = json.loads(proc.stdout)["rules"]
    assert rule["value"] == pytest.approx(_idioms_per_1k(json_of["mt"]) - _idioms_per_1k(json_of["joined"]), abs=1e-3)
    assert rule["p_value"] < 0.05


def test_max_rise_refuses_audit_jsons_that_lack_what_it_needs(audits, run_mtkit, test_data):
    folder, json_of = audits
    data = json.loads(json_of["mt"].read_text(encoding="utf-8"))
    for seg in data["segments"]:
        seg["src"] = ""
    (folder / "no-src.json").write_text(json.dumps(data), encoding="utf-8")
    other = test_data / "gate" / "audit-clean.json"     # an audit of another document
    cases = [
        ((json_of["mt"], "--baseline", folder / "no-src.json"), "no-src.json: the audit JSON has no source text"),
        ((folder / "no-src.json", "--baseline", json_of["fixed"]), "no-src.json: the audit JSON has no source text"),
        ((json_of["mt"], "--baseline", other), "audit-clean.json: segment 0: its English is not that of"),
        ((json_of["mt"], "--baseline", "musk.ar.txt"), "musk.ar.txt: with --audit-json, max_rise needs --baseline as"),
        ((json_of["mt"], "--baseline", "missing.json"), "missing.json: "),
    ]
    (folder / "musk.ar.txt").write_text("نص\n", encoding="utf-8")
    for args, message in cases:
        proc = run_mtkit("gate", "--audit-json", *args, "--max-rise", "idiom=0", cwd=folder)
        assert proc.returncode == 2 and proc.stdout == "", (args, proc.stderr)
        assert proc.stderr.count("\n") == 1 and message in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_rows_from_audits_merge_runs_and_drop_waived_flags():
    from mtkit.gate.rise import from_audits
    from mtkit.model import Flag, Segment, SegmentResult

    def seg(i, src, units, *flags):
        return SegmentResult(Segment(id=str(i), src=src, tgt="ن", src_units=units), list(flags))
    idiom = Flag("idiom", "major", "idiom.literal", "m")
    waived = Flag("number", "critical", "number.changed", "m", waived=True)
    system = [seg(1, "One two.", (0,), idiom), seg(2, "Three.", (1,)), seg(3, "", ()), seg(4, "Four five six.", (2,))]
    baseline = [seg(1, "One two. Three.", (0, 1), waived), seg(2, "Four five six.", (2,), idiom)]
    rows = from_audits(system, baseline, sys_path="a.json", base_path="b.json")
    assert rows.words == [3, 3]
    assert [[f.category for f in r.flags] for r in rows.system] == [["idiom"], []]
    assert [[f.category for f in r.flags] for r in rows.baseline] == [[], ["idiom"]]
    assert rows.system[0].segment.id == "1+2+3"
