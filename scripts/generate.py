"""Lint the specs, then regenerate each vault's client package from scratch.

Usage: python scripts/generate.py [--into DIR] [VAULT ...]

`--into` writes a `generated/`-like tree elsewhere (make check regenerates into a temporary
directory and compares). The generator and ruff are the exact versions pinned in
requirements/dev.txt; ruff's cache is off so the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

import yaml
from manifest import ROOT, Vault, load_manifest, select
from spec_lint import main as lint_main

PINNED_TOOLS = ("openapi-python-client", "ruff")
BIN = Path(sys.executable).parent
# Our templates override the generator's (tied to the pinned version): models/__init__.py imports lazily,
# pyproject_uv.toml and README.md carry our metadata and index page, and endpoints/types return a
# non-standard status (a third party's 520) as an int instead of raising ValueError.
TEMPLATES = ROOT / "scripts" / "templates"
LICENSE = ROOT / "LICENSE"


def check_pins() -> None:
    """Refuse to generate with a generator or ruff other than the pinned ones."""
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "requirements" / "dev.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    )
    for tool in PINNED_TOOLS:
        installed = metadata.version(tool)
        if pins.get(tool, "").strip() != installed:
            raise SystemExit(f"{tool} {installed} is installed but requirements/dev.txt pins {pins.get(tool)}: run `make setup`")


def check_naming(vault: Vault) -> None:
    """Refuse a manifest entry whose names break the pattern the templates derive the extra from."""
    expected = (f"polyvault-{vault.key}-client", f"polyvault_{vault.key}_client")
    if (vault.distribution, vault.package) != expected:
        raise SystemExit(f"[vaults.{vault.key}] must be named {expected[0]!r} / {expected[1]!r} (polyvault[{vault.key}] installs it)")


def generate_one(vault: Vault, options: dict[str, object], into: Path) -> float:
    """Wipe and regenerate one vault's package under `into`; return the seconds it took.

    After the generator: the changelog and LICENSE go beside pyproject.toml (so they are in the
    sdist), and the spec goes inside the package as `openapi.yaml` (the fakes validate against
    the spec of the client that is installed, and users can read what their client speaks).
    """
    started = time.perf_counter()
    check_naming(vault)
    out = vault.output_dir(into)
    shutil.rmtree(out, ignore_errors=True)
    config = {
        **options,
        "project_name_override": vault.distribution,
        "package_name_override": vault.package,
        "package_version_override": vault.version,
    }
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "RUFF_NO_CACHE": "true"}
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", prefix=f"{vault.key}-config-") as config_file:
        yaml.safe_dump(config, config_file)
        config_file.flush()
        command = [
            str(BIN / "openapi-python-client"), "generate",
            "--path", str(vault.spec), "--config", config_file.name, "--output-path", str(out),
            "--overwrite", "--meta", "uv", "--fail-on-warning", "--custom-template-path", str(TEMPLATES),
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(f"generating {vault.key} failed:\n{result.stdout}{result.stderr}")
    shutil.rmtree(out / ".ruff_cache", ignore_errors=True)
    shutil.copyfile(vault.changelog, out / "CHANGELOG.md")
    shutil.copyfile(LICENSE, out / "LICENSE")
    shutil.copyfile(vault.spec, out / vault.package / "openapi.yaml")
    return time.perf_counter() - started


def generate(vaults: list[Vault], options: dict[str, object], into: Path) -> None:
    """Regenerate `vaults` under `into`, in parallel (each run is an independent subprocess)."""
    into.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=len(vaults) or 1) as pool:
        timings = list(pool.map(lambda vault: generate_one(vault, options, into), vaults))
    for vault, seconds in zip(vaults, timings, strict=True):
        print(f"generated {vault.distribution} {vault.version} in {seconds:.1f}s")


def main(argv: list[str]) -> int:
    """Lint, then regenerate the named vaults (all by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, default=ROOT / "generated", help="tree to write (default: generated/)")
    parser.add_argument("vaults", nargs="*", help="vault keys from specs/vaults.toml (default: all)")
    args = parser.parse_args(argv)
    check_pins()
    vaults, options = load_manifest()
    chosen = select(vaults, args.vaults)
    if lint_main([vault.key for vault in chosen]):
        return 1
    started = time.perf_counter()
    generate(chosen, options, args.into.resolve())
    print(f"make generate: {len(chosen)} package(s) in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
