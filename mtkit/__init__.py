"""mtkit: English→Arabic translation quality: align, audit, score, gate.

The library API (``mtkit.align``, ``mtkit.audit``, ``mtkit.score``, ``mtkit.gate``) and
``mtkit.__version__`` (from the package metadata) are looked up lazily, so ``import mtkit`` stays
fast and pulls in no heavy dependency.
"""
import sys
import types

API = ("align", "audit", "score", "gate")
__all__ = ["__version__", "align", "audit", "gate", "score"]


def __getattr__(name):
    if name in API:
        from mtkit import api
        return getattr(api, name)
    if name == "__version__":
        from mtkit.version import version
        return version()
    raise AttributeError(f"module 'mtkit' has no attribute {name!r}")


class _Package(types.ModuleType):
    """``mtkit.score`` etc. stay the API functions: importing the subpackage of the same name
    (``mtkit/score/``, ``mtkit/audit.py``) must not replace them on this module, or the second
    ``mtkit.score(...)`` of a session would call a module. The subpackages stay in ``sys.modules``."""

    def __setattr__(self, name, value):
        if name in API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
