"""The vault manifest (specs/vaults.toml): which specs become which generated packages."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
MANIFEST = SPECS / "vaults.toml"


@dataclass(frozen=True)
class Vault:
    """One manifest entry."""

    key: str
    title: str
    spec: Path
    distribution: str
    package: str
    version: str
    changelog: Path

    def output_dir(self, generated_root: Path) -> Path:
        """Where this vault's package lives under a `generated/`-like tree."""
        return generated_root / self.key


def load_manifest(root: Path = ROOT) -> tuple[list[Vault], dict[str, Any]]:
    """Return the vaults and the shared generator options of the manifest under `root`."""
    specs = root / "specs"
    data = tomllib.loads((specs / "vaults.toml").read_text())
    vaults = [
        Vault(
            key=key,
            title=entry["title"],
            spec=specs / entry["spec"],
            distribution=entry["distribution"],
            package=entry["package"],
            version=entry["version"],
            changelog=specs / "changelogs" / f"{key}.md",
        )
        for key, entry in data["vaults"].items()
    ]
    return vaults, dict(data.get("generator", {}))


def select(vaults: list[Vault], keys: list[str]) -> list[Vault]:
    """The vaults named by `keys` (all of them when `keys` is empty); unknown keys are an error."""
    if not keys:
        return vaults
    known = {vault.key: vault for vault in vaults}
    unknown = sorted(set(keys) - known.keys())
    if unknown:
        raise SystemExit(f"unknown vault(s) {', '.join(unknown)}; the manifest has {', '.join(known)}")
    return [known[key] for key in keys]
