"""Connecting to a Dask cluster: ``tcp://host:8786`` (any scheduler address Dask takes), or
``local`` / ``local:N`` to start a LocalCluster of N single-threaded worker processes here.

Dask is the optional extra ``mtkit[dask]``; without it ``--dask`` is bad input (exit 2)."""
from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from mtkit.errors import InputError

if TYPE_CHECKING:
    from distributed import Client

T = TypeVar("T")
EXTRA = "pip install 'mtkit[dask]'"
CONNECT_TIMEOUT = 20.0   # seconds
_LOCAL = re.compile(r"^local(?::(\d+))?$")


def require() -> None:
    """Fail as bad input, naming the extra, when Dask is not installed."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(f"--dask needs Dask, which is not installed: {EXTRA}") from None


def local_workers(address: str) -> int | None:
    """N for ``local:N``, 0 for ``local`` (as many as cores), None for a scheduler address."""
    match = _LOCAL.match(address.strip())
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 0


# Dask's housekeeping, made rarer for mtkit's tasks (seconds of pure Python each): its defaults wake
# every worker every 10 ms (statistical profiler), 20 ms (event-loop tick) and 100 ms (memory
# monitor), the scheduler every 20 ms, for a dashboard nobody opens here. On a busy 2-core machine
# that housekeeping is CPU the checks do not get (eval/RESULTS.md, "Scale: audit on Dask vs --jobs").
# Applied to the clusters mtkit starts (``local:N``); docs/scale.md gives the same settings for
# workers started by hand.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.limit": "30s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[Client]:
    """A client of a LocalCluster of ``workers`` single-threaded processes (the checks are pure
    Python and hold the GIL), with Dask's housekeeping quieted; shut down on leaving."""
    import dask
    from distributed import Client, LocalCluster
    with dask.config.set(QUIET), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


@contextlib.contextmanager
def dask_client(address: str) -> Iterator[Client]:
    """A connected client; a LocalCluster started here is shut down on leaving."""
    require()
    from distributed import Client

    from mtkit.audit import default_jobs
    workers = local_workers(address)
    if workers is not None:
        with local_cluster(workers or default_jobs()) as client:
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, ValueError, TypeError) as exc:   # unreachable, refused, bad address
        raise InputError(f"--dask: cannot reach the Dask scheduler at {address} ({exc})".splitlines()[0]) from None
    with client:
        yield client


def ordered(client: Client, tasks: Iterable[tuple[T, tuple]], func, name: str,
            in_flight: int = 0) -> Iterator[tuple[T, object]]:
    """Run ``func(*args)`` on the cluster for each ``(item, args)``, yielding ``(item, result)``
    in input order with a bounded number of tasks in flight, so memory stays flat however
    long the input is. A task on a worker that dies is rescheduled by Dask on another."""
    import uuid
    from collections import deque
    threads = sum(client.nthreads().values())
    if not threads:       # a scheduler whose workers have not joined yet
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        threads = sum(client.nthreads().values())
    limit = in_flight or 2 * max(1, threads)
    run = uuid.uuid4().hex[:12]
    pending: deque = deque()
    try:
        for k, (item, args) in enumerate(tasks):
            pending.append((item, client.submit(func, *args, key=f"{name}-{run}-{k}")))
            if len(pending) >= limit:
                item, future = pending.popleft()
                yield item, future.result()
                future.release()
        while pending:
            item, future = pending.popleft()
            yield item, future.result()
            future.release()
    finally:
        for _, future in pending:     # stopped early (bad input, closed output): cancel the rest
            future.cancel()
