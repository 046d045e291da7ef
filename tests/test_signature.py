"""Every audit result says what made it, like sacrebleu's signature: mtkit's version, the checks
run, a hash of the data files (and of the glossary when there is one)."""
from __future__ import annotations

import json

from mtkit import __version__, api
from mtkit.data import data_signature
from mtkit.io.glossary import Term
from mtkit.model import AuditResult


def test_signature_names_version_checks_and_data(test_data):
    pairs = str(test_data / "audit" / "pairs.jsonl")
    full = api.audit(pairs=pairs)
    assert full.signature == f"version:{__version__}|checks:default|data:{data_signature()}"
    some = api.audit(pairs=pairs, checks=["number"], disable=["number.unit"])
    assert some.signature.split("|")[1] == "checks:number.mismatch,number.month"
    with_terms = api.audit(pairs=pairs, checks=["terminology"], glossary=[Term("port", ("ميناء",))])
    assert with_terms.signature.split("|")[-1].startswith("glossary:")
    data = full.to_dict()
    assert data["signature"] == full.signature
    assert AuditResult.from_dict(json.loads(json.dumps(data))).signature == full.signature


def test_the_data_hash_follows_the_bytes_of_the_files():
    assert data_signature(["terms.tsv"]) != data_signature(["idioms.jsonl"])
    assert data_signature() == data_signature() and len(data_signature()) == 12


def test_json_and_jsonl_output_carry_it(run_mtkit, test_data):
    pairs = test_data / "audit" / "pairs.jsonl"
    out = run_mtkit("audit", "--pairs", pairs, "-f", "json", "-q", "-j", "1")
    assert json.loads(out.stdout)["signature"].startswith(f"version:{__version__}|checks:default|data:")
    last = run_mtkit("audit", "--pairs", pairs, "-f", "jsonl", "-q", "-j", "1").stdout.splitlines()[-1]
    assert json.loads(last)["signature"] == json.loads(out.stdout)["signature"]
