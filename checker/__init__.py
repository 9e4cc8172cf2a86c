"""claimcheck: fact-check the numbers in published reports."""

__version__ = "0.1.0"

# The packages from the bottom up: data flows text → claims → table → findings → report, and a module
# imports only from its own package and the ones before it (tests/test_architecture.py holds to it).
LAYERS = ("io", "model", "language", "incremental", "load", "table", "rules", "run", "extract", "report", "review",
          "cli")
