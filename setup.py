"""Build hook: compiles the per-article pipeline with mypyc, which turns the type-annotated modules into C
extensions that give the same results about a fifth faster (benchmarks/bench_audit.py prints which build it
timed). The pure-Python modules ship beside them: AUDIT_PURE_PYTHON=1 installs without compiling, an
editable install never compiles, and a build that fails falls back to them with a warning instead of
failing the install.

Everything else about the package is declared in pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules every article goes through, from the text to the score. The batch, report and training
# modules are not on that path and stay pure Python.
COMPILED = [f"audit/{name}.py" for name in (
    "normalize", "segment", "lexicon", "detect", "sources", "claims", "metrics", "results", "pipeline",
    "features", "model", "score")]


class OptionalBuildExt(build_ext):
    """The compiled modules all load one shared library, so they are built all or none."""

    def run(self) -> None:
        if getattr(self, "editable_mode", False):
            # An editable install builds in the source tree, where a compiled module would hide every later
            # edit of its .py file.
            self.warn("editable install: the pipeline stays pure Python (pip install . compiles it)")
            return
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 - any compiler failure means: ship pure Python
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            self.warn(f"mypyc build failed ({error}); installing the pure-Python modules, which are slower")


def _extensions() -> list:
    if os.environ.get("AUDIT_PURE_PYTHON", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    return mypycify(COMPILED, opt_level="3", group_name="audit")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
