"""The Nu HTML checker (vnu.jar, from npm's vnu-jar package) and the one filter applied to what
it reports: tests/test_markup.py runs it on the main pages, docs/EDGE.md records its figures.
"""

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

# htmx's attributes (hx-post, hx-target, …) are not in HTML's vocabulary, so the checker calls
# each one "not allowed on element …". They are how the pages work; nothing else is dropped.
HTMX_ATTRIBUTE = re.compile(
    r"^Attribute “hx-[a-z-]+” not allowed on element “[a-z0-9]+” at this point\.$"
)


@cache
def vnu_command() -> list[str] | None:
    """["java", "-jar", "…/vnu.jar"], or None when Java or the jar is missing.

    The jar is VNU_JAR, or where `npm install -g vnu-jar` puts it."""
    java = shutil.which("java")
    if not java:
        return None
    jar = os.environ.get("VNU_JAR")
    if not jar and shutil.which("npm"):
        root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True).stdout
        jar = str(Path(root.strip()) / "vnu-jar" / "build" / "dist" / "vnu.jar")
    return [java, "-jar", jar] if jar and Path(jar).is_file() else None


def check(files: list[Path]) -> dict[str, list[dict]]:
    """Run the checker once over `files`: its errors (less htmx's attributes, which are under
    "dropped") and its warnings."""
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    found = {"errors": [], "dropped": [], "warnings": []}
    for message in messages:
        if message["type"] == "error" or message.get("subType") == "fatal":
            htmx = HTMX_ATTRIBUTE.match(message.get("message", ""))
            found["dropped" if htmx else "errors"].append(message)
        elif message.get("subType") == "warning":
            found["warnings"].append(message)
    return found


def describe(message: dict) -> str:
    page = message["url"].rsplit("/", 1)[-1]
    extract = message.get("extract", "").strip()[:80]
    return f"{page}:{message.get('lastLine')}: {message['message']} [{extract}]"
