"""The worker plugin of an audit run (imported only once Dask is known to be installed)."""
from __future__ import annotations

from distributed import WorkerPlugin

from mtkit.dask.audit import AuditSettings, forget, warm_up


class WarmUp(WorkerPlugin):
    """Loads the checks and their lexicons when a worker starts (also a worker that replaces a
    lost one), so no task pays for it."""

    def __init__(self, settings: AuditSettings):
        self.settings = settings
        self.name = f"mtkit-audit-{settings.token}"

    def setup(self, worker=None) -> None:
        warm_up(self.settings)

    def teardown(self, worker=None) -> None:
        forget(self.settings)
