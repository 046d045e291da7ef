"""mtkit: English→Arabic translation quality: align, audit, score, gate.

The library API (``mtkit.align``, ``mtkit.audit``, ``mtkit.score``) is imported lazily so that
``import mtkit`` stays fast and pulls in no heavy dependency.
"""
__version__ = "0.1.0"

__all__ = ["align", "audit", "score", "__version__"]


def __getattr__(name):
    if name in ("align", "audit", "score"):
        from mtkit import api
        return getattr(api, name)
    raise AttributeError(f"module 'mtkit' has no attribute {name!r}")
