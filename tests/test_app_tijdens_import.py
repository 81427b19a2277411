"""A CLI import succeeds while an app process holds the store, and that process shows the new
version on its next rerun without a restart (a real second process running the app)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.cli import main

ROOT = Path(__file__).parent.parent
DEMO = ROOT / "data" / "demo"

_APP = """
import sys
from streamlit.testing.v1 import AppTest
from dashboard.ui import data

at = AppTest.from_file("app.py", default_timeout=120)
at.run()
at.switch_page("pages/gegevens.py")
at.run()
print("open", len(at.exception), data.store().sql("select max(import_id) from import_log")[0][0],
      flush=True)
sys.stdin.readline()  # the import runs now
at.run()
print("na", len(at.exception), data.store().sql("select max(import_id) from import_log")[0][0],
      flush=True)
"""


@pytest.mark.slow
def test_cli_import_terwijl_de_app_draait(demo_db, tmp_path, capsys):
    db = tmp_path / "app.duckdb"
    shutil.copy(demo_db, db)
    app = subprocess.Popen(
        [sys.executable, "-c", _APP], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**__import__("os").environ, "VERZUIMZICHT_DB": str(db)},
    )  # fmt: skip
    try:
        assert app.stdout is not None and app.stdin is not None
        assert app.stdout.readline().split() == ["open", "0", "1"]
        code = main(["import", "--db", str(db), "--verzuim", str(DEMO / "verzuim.csv")])
        assert code == 0, capsys.readouterr().err
        app.stdin.write("\n")
        app.stdin.flush()
        assert app.stdout.readline().split() == ["na", "0", "2"]
    finally:
        app.kill()
        _, err = app.communicate(timeout=30)
    assert "Traceback" not in err
