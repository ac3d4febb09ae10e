"""One run of a code snippet against a given source tree, in a fresh process.

Shared by the A/B scripts (``rota_ab.py``, ``curtois_ab.py``): each run
gets its own interpreter with ``PYTHONPATH`` set to one tree's ``src/``,
so two versions of the package can be compared in one script. The
snippet prints one JSON object as its last line; that is the result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys


def run_in_tree(tree: str, code: str, *args: str) -> dict[str, float | None]:
    """Run ``code`` with ``args`` against ``tree``; its last JSON line."""
    env = {**os.environ, "PYTHONPATH": os.path.abspath(tree)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float | None] = json.loads(
        done.stdout.strip().splitlines()[-1]
    )
    return result
