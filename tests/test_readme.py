"""The README's CLI reference and settings table are generated (cog) and must not be stale."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_readme_generated_sections_are_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        "README.md is stale: run `.venv/bin/cog -r README.md`\n" + result.stdout + result.stderr
    )
