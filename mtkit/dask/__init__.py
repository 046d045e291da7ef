"""mtkit on a Dask cluster (the optional extra ``mtkit[dask]``): ``--dask ADDRESS`` for audit,
align ``--manifest`` and score, and :func:`audit_bag` for Dask users.

Dask only distributes the chunks the local process pool runs; the results are the same."""
from __future__ import annotations

__all__ = ["audit_bag"]


def __getattr__(name):
    if name == "audit_bag":
        from mtkit.dask.audit import audit_bag
        return audit_bag
    raise AttributeError(f"module 'mtkit.dask' has no attribute {name!r}")
