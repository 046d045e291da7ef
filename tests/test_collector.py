"""mtkit.collector: full collections are rarer during a chunk's audit, and the caller's settings come back."""
import gc

import pytest

from mtkit.collector import FULL_EVERY, fewer_full_collections


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_raised_inside_and_restored_after(thresholds):
    with fewer_full_collections():
        assert gc.get_threshold() == (700, 10, FULL_EVERY)
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_uses_restore_once_at_the_outermost_end(thresholds):
    with fewer_full_collections():
        with fewer_full_collections():
            assert gc.get_threshold()[2] == FULL_EVERY
        assert gc.get_threshold()[2] == FULL_EVERY
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_an_error_and_never_lowered(thresholds):
    with pytest.raises(RuntimeError):
        with fewer_full_collections():
            raise RuntimeError
    assert gc.get_threshold() == (700, 10, 10)
    gc.set_threshold(700, 10, 1000)         # a caller's own higher setting is kept
    with fewer_full_collections():
        assert gc.get_threshold()[2] == 1000
    assert gc.get_threshold() == (700, 10, 1000)


def test_the_audit_restores_the_callers_thresholds(thresholds):
    from mtkit.audit import audit_segments
    from mtkit.model import Segment
    list(audit_segments([Segment("1", "The ministry opened a school.", "افتتحت الوزارة مدرسة.")]))
    assert gc.get_threshold() == (700, 10, 10)


def test_a_dask_workers_chunk_is_audited_with_fewer_full_collections(thresholds, monkeypatch):
    import mtkit.checks
    from mtkit.dask.audit import AuditSettings, chunk_flags
    from mtkit.model import Segment
    seen = []
    monkeypatch.setattr(mtkit.checks, "run_checks", lambda seg, checks: seen.append(gc.get_threshold()) or [])
    assert chunk_flags(AuditSettings(), [Segment("1", "Hello.", "مرحبا.")]) == [[]]
    assert seen == [(700, 10, FULL_EVERY)]
    assert gc.get_threshold() == (700, 10, 10)
