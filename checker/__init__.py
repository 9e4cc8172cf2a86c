"""claimcheck: fact-check the numbers in published reports."""

__version__ = "0.1.0"
