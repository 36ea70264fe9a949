"""The prebuilt JupyterLab extension that highlights %%sparql cells is there and is the
source's build (the browser test checks what it does)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "src" / "claims" / "labextension"


def test_the_prebuilt_extension_is_the_build_of_its_source() -> None:
    built = json.loads((EXTENSION / "prebuilt" / "package.json").read_text("utf-8"))
    source = json.loads((EXTENSION / "package.json").read_text("utf-8"))
    assert built["name"] == source["name"] == "claims-sparql-cells"
    assert built["version"] == source["version"]
    assert (EXTENSION / "prebuilt" / built["jupyterlab"]["_build"]["load"]).is_file()
    code = "".join(p.read_text("utf-8") for p in (EXTENSION / "prebuilt" / "static").glob("*.js"))
    script = (EXTENSION / "src" / "index.js").read_text("utf-8")
    for literal in re.findall(r"'([^'\n]{6,})'", script):  # the source's strings, in the build
        assert literal in code, literal
    magic = re.search(r"MAGIC = /(.+)/;", script)
    assert magic and magic[1] in code


def test_the_wheel_installs_it_where_jupyterlab_looks() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    shared = config["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    assert shared["src/claims/labextension/prebuilt"] == "share/jupyter/labextensions/claims-sparql-cells"
