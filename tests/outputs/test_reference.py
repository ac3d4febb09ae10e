"""docs/input-format.md stays in step with the reader's names."""

from __future__ import annotations

from pathlib import Path

from balancer.files.schema import SETTINGS, SHEETS
from balancer.outputs.reference import input_format_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "input-format.md"


def test_doc_is_the_generated_text() -> None:
    assert DOC.read_text(encoding="utf-8") == input_format_markdown(), (
        "regenerate: PYTHONPATH=src python -m balancer.outputs.reference "
        "> docs/input-format.md"
    )


def test_doc_names_every_sheet_column_and_setting() -> None:
    text = input_format_markdown()
    for sheet in SHEETS:
        assert f"### {sheet.name}" in text
        assert f"in Danish `{sheet.danish}`" in text
        for column in sheet.columns:
            assert f"| {column.header} | {column.danish} |" in text
            for alias in column.aliases:
                assert f"`{alias}`" in text
    for setting in SETTINGS:
        assert f"| `{setting.key}` |" in text
