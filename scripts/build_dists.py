"""Build our distributions as an index serves them: the sdist, then the wheel built from that sdist.

Usage: python scripts/build_dists.py [--out DIR] [UNIT ...]   (vault keys or `polyvault`; default: all)

Each build starts from a clean export of the committed tree (`git archive HEAD`), never from the
working tree, so a file that is not committed, or that only exists in the repository (a symlink
out of a project, a file outside it), cannot slip into or out of a distribution unnoticed. The
build backends are the ones pinned in requirements/dev.txt (no build isolation, no download).
Every file is then checked with `twine check --strict` (the index page renders) and every wheel
with `check-wheel-contents`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from distributions import ROOT, Unit, select

BIN = Path(sys.executable).parent


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def export_head(destination: Path, root: Path = ROOT) -> Path:
    """Write the files of HEAD (nothing else) into `destination`; return it."""
    destination.mkdir(parents=True, exist_ok=True)
    archive = destination / "head.tar"
    _run("git", "archive", "--format=tar", "-o", archive, "HEAD", cwd=root)
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter="data")
    archive.unlink()
    return destination


def build(selected: list[Unit], tree: Path, out: Path) -> list[Path]:
    """Build every distribution of `selected` from `tree` into `out`; return the files, sdist first."""
    files = []
    for unit in selected:
        for project in unit.projects:
            before = set(out.glob("*")) if out.is_dir() else set()
            # Without --sdist/--wheel, `build` makes the sdist, unpacks it and builds the wheel from it.
            _run(BIN / "python", "-m", "build", "--no-isolation", "--outdir", out, tree / project)
            made = sorted(set(out.glob("*")) - before, key=lambda path: path.suffix != ".gz")
            if len(made) != 2:
                raise SystemExit(f"building {project} made {[path.name for path in made]}, not one sdist and one wheel")
            files += made
    return files


def check(files: list[Path]) -> None:
    """Refuse files whose metadata would not render on an index, or wheels with suspicious contents."""
    _run(BIN / "twine", "check", "--strict", *files)
    wheels = [path for path in files if path.suffix == ".whl"]
    if wheels:
        _run(BIN / "check-wheel-contents", *wheels)


def build_checked(selected: list[Unit], out: Path, root: Path = ROOT) -> list[Path]:
    """Export HEAD, build `selected` from it into `out`, check the files; return them."""
    with tempfile.TemporaryDirectory(prefix="polyvault-build-") as tmp:
        files = build(selected, export_head(Path(tmp), root), out)
    check(files)
    return files


def main(argv: list[str]) -> int:
    """Build and check the named units (all by default) into --out."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the files go (default: dist/)")
    parser.add_argument("units", nargs="*", help="vault keys or `polyvault` (default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in build_checked(select(args.units), args.out.resolve()):
        print(f"built {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
