"""What importing polyvault and constructing a client load: nothing a constructed client does not need yet.

The generated packages (and attrs under them) load on the first call that needs them, Apideck's records
and resources with the first resource used; a missing generated package is still reported at import,
naming the extra to install. Each check runs in a fresh interpreter: a module once imported stays loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CLIENTS = {
    "vgs": ("VGS('user', 'password')", "polyvault_vgs_client"),
    "apideck": ("Apideck('key', 'app', consumer_id='acct-1')", "polyvault_apideck_client"),
    "vaultpam-token": ("VaultPAM(token='vp-pat', org_id='org-1')", "polyvault_vaultpam_client"),
    "vaultpam-login": ("VaultPAM(email='ops@example.com', password='pw', org_id='org-1')", "polyvault_vaultpam_client"),
    "vaultera": ("Vaultera('vt-key')", "polyvault_vaultera_client"),
}
EXTRAS = {"VGS": "vgs", "Apideck": "apideck", "VaultPAM": "vaultpam", "Vaultera": "vaultera"}


def _loaded(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    return set(json.loads(result.stdout.splitlines()[-1]))


def _packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.slow
@pytest.mark.parametrize(("construct", "package"), CLIENTS.values(), ids=CLIENTS.keys())
def test_a_constructed_client_has_loaded_neither_attrs_nor_its_generated_package(construct: str, package: str) -> None:
    constructed = _packages(_loaded(f"import polyvault\nclient = polyvault.{construct}"))
    assert {"polyvault", "httpx"} <= constructed and not {"attr", "attrs", package} & constructed
    used = _packages(_loaded(f"import polyvault\nclient = polyvault.{construct}\nclient.raw"))  # the generated client: loaded on use
    assert {"attr", "attrs", package} <= used


@pytest.mark.slow
def test_apideck_loads_its_records_and_resources_with_the_first_resource_used() -> None:
    later = {"polyvault.apideck._records", "polyvault.apideck._resources", "polyvault.apideck._read"}
    constructed = _loaded("from polyvault import Apideck\nclient = Apideck('key', 'app')")
    assert "polyvault.apideck._client" in constructed and not later & constructed
    used = _loaded("from polyvault import Apideck\nclient = Apideck('key', 'app')\nclient.logs")
    assert later <= used


@pytest.mark.slow
@pytest.mark.parametrize("client", EXTRAS)
def test_a_missing_generated_package_is_reported_at_import_naming_the_extra(client: str) -> None:
    package = CLIENTS[EXTRAS[client] if client != "VaultPAM" else "vaultpam-token"][1]
    code = (
        f"import sys; sys.modules[{package!r}] = None\n"
        f"try:\n    from polyvault import {client}\n"
        "except ModuleNotFoundError as missing:\n    print(missing)\nelse:\n    print('imported')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    extra = EXTRAS[client]
    assert result.stdout.strip() == f"polyvault's {extra} client needs the {package} package: pip install 'polyvault[{extra}]'"
