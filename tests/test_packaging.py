"""The wheel holds every module and data file of the package: an editable install would hide one left out."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from helpers import ROOT

pytestmark = pytest.mark.slow


def test_the_wheel_holds_every_module_and_data_file(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("claimcheck-*.whl"))
    held = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "checker"
    wanted = {p.relative_to(ROOT).as_posix() for p in package.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert wanted - held == set()
    assert any(name.endswith("entry_points.txt") for name in held)
