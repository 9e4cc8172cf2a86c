"""How check's helpers start: fresh ("spawn"), not forked (extract still forks; see checker.extract).

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
