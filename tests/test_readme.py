"""The README's CLI reference and settings table are generated (cog) and must not be stale."""

from __future__ import annotations

import re
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


def _examples(text: str) -> list[str]:
    """The commands (``$ ...`` lines) and Python code of the README's code blocks."""
    found = []
    for kind, block in re.findall(r"^```([a-z]*)\n(.*?)^```", text, flags=re.M | re.S):
        if kind == "python":
            found.append(block)
        found += [line for line in block.splitlines() if line.startswith("$ ")]
    return found


def test_readme_examples_use_only_files_of_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = _examples(readme)
    assert any("examples/" in example for example in examples)
    for example in examples:
        assert "shared" not in example, example[:200]
    for path in re.findall(r"\b((?:examples|tests/fixtures)/[\w./-]+)", readme):
        assert (ROOT / path.rstrip(".")).exists(), path


def test_readme_links_to_files_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", readme)
    local = [link for link in links if "://" not in link]
    assert "docs/OUTPUT.md" in local
    for link in local:
        assert (ROOT / link).exists(), link
