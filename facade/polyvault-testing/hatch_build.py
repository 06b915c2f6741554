"""Build hook: put `polyvault/testing` into the polyvault-testing wheel, wherever the source is.

In the repository the code is `../src/polyvault/testing` (beside the facade it belongs to); in this
project's sdist it is `src/polyvault/testing`. Editable installs ship no code (see dev-mode-dirs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = Path("src", "polyvault", "testing")


class TestingSourceHook(BuildHookInterface):  # type: ignore[type-arg]
    """Force-include the testing package from the sdist's tree, else from the facade beside us."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Add the package to the wheel (not to an editable wheel).

        Raises:
            FileNotFoundError: neither location holds the package.
        """
        if version == "editable":
            return
        root = Path(self.root)
        for source in (root / PACKAGE, root.parent / PACKAGE):
            if (source / "__init__.py").is_file():
                build_data["force_include"][str(source)] = "polyvault/testing"
                return
        raise FileNotFoundError(f"polyvault/testing is neither in {root / PACKAGE} nor in {root.parent / PACKAGE}")
