"""A fingerprint of the code, so cached fragments never outlive the code that rendered them."""

import hashlib
import os
from pathlib import Path

SOURCE_SUFFIXES = (".py", ".html")
SKIPPED = {"node_modules", "staticfiles", "tests", "migrations", "__pycache__"}


def code_version(root: Path) -> str:
    """A short hash of every Python file and template under `root` (tests excluded).

    Fragments are cached under keys built from the data they show; a deploy that changes a
    template or a rule behind them changes this hash, and with it every cache key.
    """
    digest = hashlib.blake2b(digest_size=6)
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders if name not in SKIPPED and not name.startswith(".")
        )
        for name in sorted(names):
            if name.endswith(SOURCE_SUFFIXES):
                path = Path(folder, name)
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
