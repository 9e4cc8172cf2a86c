"""How claimcheck's helper processes start: fresh ("spawn"), never forked.

Forking copies one thread of a process whose other threads (Arrow's,
DuckDB's, OpenBLAS's) may hold locks at that moment; the child can then
crash or hang, and did, in a test process that had run DuckDB. A spawned
process starts a new interpreter: it costs a fraction of a second and its
inputs must be sent, so claimcheck starts one only for large inputs, sends
paths rather than contents where it can, and runs the work in the main
process when a helper dies.
"""
from __future__ import annotations

import multiprocessing


def context():
    return multiprocessing.get_context("spawn")


def auto_jobs(size: int, worth: int) -> int:
    """How many processes to share work of this size out to when the user left it to claimcheck (--jobs 0):
    one per core once the work is over `worth` (bytes or characters), else one, since starting helpers and
    sending them their work costs more than it saves on small inputs."""
    import os

    return (os.cpu_count() or 1) if size > worth else 1
