"""The command line: options in, the library called, a report out, an exit code."""
from checker.cli.app import app, main

__all__ = ["app", "main"]
