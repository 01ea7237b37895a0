"""Imports go one way, as ../shared/DESIGN.md sets out, with the project package counted:

    scoring     imports no other app
    challenges  -> scoring
    projects    -> scoring, challenges
    interviews  -> projects, challenges, scoring
    hotseat/    (settings, URLs, the Celery app, health views) imports no app, and no app
                imports it: urls.py includes the apps' URLs by dotted path

accounts, which DESIGN.md does not list, imports no other app either: it finds a user's rows
through Django's deletion collector. Tests are left out (they may use any app's factories);
migrations and management commands count.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "scoring": set(),
    "challenges": {"scoring"},
    "projects": {"scoring", "challenges"},
    "interviews": {"projects", "challenges", "scoring"},
    "accounts": set(),
    "hotseat": set(),
}


def imported_packages(path: Path) -> list[tuple[int, str]]:
    """(line, top-level package) for every absolute import in a module, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def forbidden_imports(package: str) -> list[str]:
    allowed = ALLOWED[package] | {package}
    return [
        f"{path.relative_to(ROOT)}:{line} imports {imported}"
        for path in sorted((ROOT / package).rglob("*.py"))
        if "tests" not in path.relative_to(ROOT).parts
        for line, imported in imported_packages(path)
        if imported in ALLOWED and imported not in allowed
    ]


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_the_layers_below_it(package):
    assert forbidden_imports(package) == []


def test_every_app_is_held_to_a_rule():
    """A new app must be given its place in the layers here (and in DESIGN.md)."""
    packages = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"hotseat"}
    assert packages == set(ALLOWED)


def test_the_rules_catch_an_import_that_goes_the_wrong_way(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "import os\nfrom interviews.models import Turn\n\ndef f():\n    import hotseat\n"
    )
    assert imported_packages(module) == [(1, "os"), (2, "interviews"), (5, "hotseat")]
