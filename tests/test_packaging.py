"""The wheel is the product: it holds every module and data file, and works in a folder of its own."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from helpers import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel, built from a copy of what it is made of: setuptools leaves a build/ folder in the tree it
    builds in, and a second build at once (another worker) or after an interrupted one fails on it."""
    import shutil

    out, source = tmp_path_factory.mktemp("wheel"), tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "checker", source / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(source)], check=True, capture_output=True)
    return next(out.glob("claimcheck-*.whl"))


def test_the_wheel_holds_every_module_and_data_file(wheel):
    held = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "checker"
    wanted = {p.relative_to(ROOT).as_posix() for p in package.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert wanted - held == set()
    assert any(name.endswith("entry_points.txt") for name in held)


def test_the_installed_wheel_works_in_an_empty_folder_with_no_rules(wheel, tmp_path):
    """pip install, then extract, lint and check one report in a folder holding nothing else."""
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "work"
    work.mkdir()
    (work / "report.txt").write_text("2020年末，全国医疗卫生机构总数达1022922个，其中医院35394个。"
                                     "孕产妇死亡率为16.9/10万。\n", encoding="utf-8")

    def claimcheck(*args):
        code = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import checker; "
                "assert checker.__file__.startswith(sys.path[0]), checker.__file__; "
                "from checker.cli import main; sys.argv[0] = 'claimcheck'; main()")
        return subprocess.run([sys.executable, "-c", code, str(site), *args], cwd=work, capture_output=True,
                              text=True)

    steps = [claimcheck("extract", "report.txt", "-o", "claims/report.yaml"), claimcheck("lint", "report.txt"),
             claimcheck("check", "claims", "--docs", ".")]
    for done in steps:
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    assert (work / "claims" / "report.yaml").read_text(encoding="utf-8").count("- id:") == 3
    assert "1 document linted" in steps[2].stdout
