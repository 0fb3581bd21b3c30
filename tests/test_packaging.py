"""The install the README prescribes ships every subpackage and the lexicons."""

from __future__ import annotations

import tomllib

from conftest import REPO


def test_every_subpackage_is_listed_for_installation():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "audit").rglob("__init__.py")}
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert config["tool"]["setuptools"]["package-dir"]["audit._lexicons"] == "lexicons"


def test_every_data_file_of_the_package_is_listed():
    """Templates and the model are data files: without a package-data entry an installed `audit` lacks them."""
    from fnmatch import fnmatch

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["audit"]
    data = [p.relative_to(REPO / "audit").as_posix() for p in (REPO / "audit").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data, "the package has templates and a model"
    missing = [name for name in data if not any(fnmatch(name, pattern) for pattern in patterns)]
    assert not missing, f"add to [tool.setuptools.package-data] audit: {missing}"
