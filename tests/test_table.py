"""mtkit/table.py: a str → str table searched in place answers as the dict it was made from."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtkit import table
from mtkit.table import Table

keys = st.text(st.characters(blacklist_characters="\t\n", blacklist_categories=("Cs",)), min_size=1, max_size=12)
values = st.text(st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(keys, values, max_size=400), st.lists(keys, max_size=30))
def test_answers_as_the_dict(entries, others):
    found = Table(table.encode(entries, "k"), "k")
    assert len(found) == len(entries) and dict(found) == entries and sorted(found) == sorted(entries, key=str.encode)
    for key in [*entries, *others]:
        assert found.get(key) == entries.get(key)
        assert (key in found) == (key in entries)


def test_many_blocks_of_the_sparse_index(monkeypatch):
    monkeypatch.setattr(table, "STEP", 64)          # many blocks on a small table
    entries = {f"w{i:05d}ـكلمة": "x" * (i % 7) for i in range(3000)}
    found = Table(table.encode(entries))
    assert all(found[key] == value for key, value in entries.items())
    assert "w00000" not in found and "w99999ـكلمة" not in found and "" not in found and "a\tb" not in found
    with pytest.raises(KeyError):
        found["missing"]


def test_another_key_or_damage_is_refused():
    blob = table.encode({"a": "1"}, "inputs-1")
    for damaged, key in ((blob, "inputs-2"), (blob[:-1], "inputs-1"), (b"", "inputs-1"), (b"x\ty\n", None)):
        with pytest.raises(ValueError):
            Table(damaged, key)


def test_keys_with_tabs_or_values_with_newlines_cannot_be_written():
    for entries in ({"a\tb": "1"}, {"a\nb": "1"}, {"a": "1\n2"}):
        with pytest.raises(ValueError):
            table.encode(entries)


def test_a_deferred_table_is_opened_on_first_use_only():
    opened = []
    entries = {"a": "1", "b": "2"}
    deferred = table.Deferred(lambda: opened.append(1) or Table(table.encode(entries)))
    assert opened == []
    assert deferred["a"] == "1" and deferred.get("c") is None and "b" in deferred
    assert len(deferred) == 2 and dict(deferred) == entries and opened == [1]
