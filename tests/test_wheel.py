"""The built wheel stands alone: installed outside the checkout, every offline command works.

An editable install hides missing package data (templates, prefect.yaml, the demo) because the
checkout is right there. This builds the real wheel, installs it into a fresh venv in a temporary
folder (dependencies borrowed read-only from the test venv, so nothing downloads), and runs the
commands a new user runs first, from a folder far from the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "tests" / "scenarios" / "en-woo-ships-late"
AS_OF = "2026-04-22T09:00:00-04:00"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("source")  # a copy: building in place would leave build/ in the checkout
    for name in ("pyproject.toml", "README.md", "prefect.yaml", "orderwatch", "parsers", "flows", "templates"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        timeout=300,
    )
    (built,) = out.glob("orderwatch-*.whl")
    return built


def test_wheel_names_only_the_orderwatch_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert tops == {"orderwatch"}
    for needed in (
        "orderwatch/templates/drafts/delivery_overdue.zh.j2",
        "orderwatch/templates/config/orderwatch.toml",
        "orderwatch/flows/prefect.yaml",
        "orderwatch/parsers/mime.py",
    ):
        assert needed in names, needed
    assert any(n.startswith("orderwatch/demo/maildir/cur/") for n in names)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; the test venv's site-packages give the dependencies."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies, but not the editable orderwatch: a plain path entry runs no .pth hooks.
    Path(site, "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return python


def _run(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "HOME": str(cwd),
        "XDG_DATA_HOME": str(cwd / "data"),
        "PATH": os.environ.get("PATH", ""),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PYTHONNOUSERSITE": "1",
    }
    return subprocess.run(
        [str(python), "-m", "orderwatch", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_installed_wheel_runs_the_offline_commands(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed), "-c", "import orderwatch.render as r; print(r.TEMPLATES)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(ROOT) not in where, "the installed package must not read the checkout"

    init = _run(installed, tmp_path, "init")
    assert init.returncode == 0, init.stderr
    assert "[[accounts]]" in (tmp_path / "orderwatch.toml").read_text() or "accounts" in init.stdout

    # The starter config names a password variable nobody has set: offline commands still work.
    db = str(tmp_path / "w.db")
    imported = _run(installed, tmp_path, "--db", db, "import", str(SCENARIO / "01-order-received.eml"))
    assert imported.returncode == 0, imported.stderr
    assert "imported 1" in imported.stdout

    orders = _run(installed, tmp_path, "--db", db, "orders", "--json")
    assert orders.returncode == 0, orders.stderr
    assert '"order_no": "4821"' in orders.stdout

    draft = _run(installed, tmp_path, "--db", db, "draft", "4821", "--as-of", AS_OF)
    assert draft.returncode == 0, draft.stderr
    assert draft.stdout.startswith("Subject: ") and "4821" in draft.stdout

    export = _run(installed, tmp_path, "--db", db, "export", "4821", "--as-of", AS_OF, "--out", str(tmp_path / "case"))
    assert export.returncode == 0, export.stderr
    (bundle,) = (tmp_path / "case").iterdir()
    assert (bundle / "index.html").is_file() and (bundle / "draft.txt").read_text().strip()

    calendar = _run(
        installed,
        tmp_path,
        "--db",
        db,
        "calendar",
        "--as-of",
        "2026-04-20T09:00:00-04:00",
        "--out",
        str(tmp_path / "d.ics"),
    )
    assert calendar.returncode == 0, calendar.stderr
    assert "BEGIN:VEVENT" in (tmp_path / "d.ics").read_text()
