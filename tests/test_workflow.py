"""The CI workflow for the programme's repository is valid (actionlint) and does what it says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_workflow_passes_actionlint() -> None:
    actionlint = Path(sys.executable).with_name("actionlint")
    assert actionlint.exists() or shutil.which("actionlint"), "actionlint ontbreekt: make test installeert het"
    result = subprocess.run([str(actionlint), "-no-color", str(WORKFLOW)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_builds_deploys_and_checks_links_weekly() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert {"pull_request", "push", "schedule"} <= set(triggers)
    steps = " ".join(
        str(step.get("run", "")) + str(step.get("uses", "")) for step in workflow["jobs"]["test-and-build"]["steps"]
    )
    assert "make test" in steps and "make build" in steps and "upload-artifact" in steps
    assert "deploy-pages" in str(workflow["jobs"]["deploy"]["steps"])
    assert "make linkcheck-extern" in str(workflow["jobs"]["external-links"]["steps"])
