"""VaultPAM through the public API, against FakeVaultPAM: sessions, PATs, org discovery, concurrency."""

from __future__ import annotations

import threading

import anyio
import pytest
from polyvault import AuthenticationError, InvalidRequestError, PermissionDeniedError, RateLimitError, RetryPolicy
from polyvault.testing import FakeVaultPAM, ManualClock
from polyvault.vaultpam import Safe


def test_logs_in_once_and_lists_the_active_orgs_safes(fake_vaultpam: FakeVaultPAM) -> None:
    with fake_vaultpam.client() as pam:
        memberships = pam.memberships()
        safes = pam.safes.list()
        pam.safes.list()
    assert fake_vaultpam.logins == 1
    assert memberships.active_org_id == fake_vaultpam.org_ids[0]
    assert {membership.role for membership in memberships.memberships} == {"admin", "member"}
    assert safes[0] == Safe(id="safe_01", name="Production databases", extra={"description": "Root credentials"})
    assert fake_vaultpam.count("GET /api/v1/org/memberships") == 2  # memberships() + one org discovery, cached after


def test_org_id_given_explicitly_skips_discovery_and_a_foreign_org_is_forbidden(fake_vaultpam: FakeVaultPAM) -> None:
    with fake_vaultpam.client(org_id=fake_vaultpam.org_ids[1]) as pam:
        assert [safe.name for safe in pam.safes.list()] == ["Staging"]
    assert fake_vaultpam.count("GET /api/v1/org/memberships") == 0
    with fake_vaultpam.client(org_id="org_not_mine") as pam, pytest.raises(PermissionDeniedError) as caught:
        pam.safes.list()
    assert caught.value.code == "FORBIDDEN"


def test_a_token_is_kept_until_shortly_before_it_expires() -> None:
    clock = ManualClock()
    fake = FakeVaultPAM(expires_in=900, clock=clock)  # the client renews 30 s before the end of the 900 s life
    with fake.client(org_id=fake.org_ids[0]) as pam:
        pam.safes.list()
        clock.advance(869.0)  # 1 s before the client's margin: the session is kept
        pam.safes.list()
        assert fake.logins == 1
        clock.advance(2.0)  # 29 s before the server would expire it: the client logs in again by itself
        pam.safes.list()
        assert fake.logins == 2
        assert fake.count("GET /api/v1/safes") == 3  # no 401 was needed to notice
        clock.advance(869.0)
        pam.safes.list()
        assert fake.logins == 2


def test_a_short_session_is_renewed_a_tenth_of_its_life_early() -> None:
    clock = ManualClock()
    fake = FakeVaultPAM(expires_in=100, clock=clock)  # margin: min(30 s, 100 s / 10) = 10 s
    with fake.client(org_id=fake.org_ids[0]) as pam:
        pam.safes.list()
        clock.advance(89.0)
        pam.safes.list()
        assert fake.logins == 1
        clock.advance(2.0)
        pam.safes.list()
    assert fake.logins == 2 and fake.count("GET /api/v1/safes") == 3


def test_a_401_logs_in_again_once_then_fails() -> None:
    fake = FakeVaultPAM()
    with fake.client() as pam:
        pam.safes.list()
        fake.expire_sessions()  # the server forgets the session before the client expects it
        assert len(pam.safes.list()) == 2
        assert fake.logins == 2
    clock = ManualClock()
    expired = FakeVaultPAM(clock=clock)
    with expired.client() as pam:
        pam.safes.list()
        expired.set_password("changed")  # the next login will fail
        clock.advance(10_000)
        with pytest.raises(AuthenticationError) as caught:
            pam.safes.list()
    assert caught.value.code == "AUTH_FAILED" and caught.value.message.endswith("Authentication failed.")
    assert expired.count("POST /api/v1/auth/login") == 2


def test_fifty_threads_on_an_expired_session_cause_exactly_one_login() -> None:
    fake = FakeVaultPAM(user_limit=10_000)
    errors: list[BaseException] = []
    with fake.client() as pam:
        pam.safes.list()
        fake.expire_sessions()
        start = threading.Barrier(50)

        def work() -> None:
            start.wait(timeout=10)
            try:
                pam.safes.list()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    assert fake.logins == 2  # the first session, then exactly one for all fifty threads


@pytest.mark.anyio
async def test_fifty_tasks_on_an_expired_session_cause_exactly_one_login() -> None:
    fake = FakeVaultPAM(user_limit=10_000)
    async with fake.async_client() as pam:
        await pam.safes.list()
        fake.expire_sessions()
        async with anyio.create_task_group() as group:
            for _ in range(50):
                group.start_soon(pam.safes.list)
    assert fake.logins == 2


def test_personal_access_token_is_used_as_is_and_a_401_is_final() -> None:
    fake = FakeVaultPAM()
    token = fake.add_pat()
    with fake.client(email=None, password=None, token=token) as pam:
        assert len(pam.safes.list()) == 2
    assert fake.logins == 0
    with fake.client(email=None, password=None, token="vpat_wrong") as pam, pytest.raises(AuthenticationError):
        pam.safes.list()
    assert fake.logins == 0


def test_pat_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeVaultPAM()
    monkeypatch.setenv("VAULTPAM_TOKEN", fake.add_pat())
    monkeypatch.setenv("VAULTPAM_ORG_ID", fake.org_ids[0])
    monkeypatch.delenv("VAULTPAM_EMAIL", raising=False)
    with fake.serve() as base_url:
        monkeypatch.setenv("VAULTPAM_BASE_URL", base_url)
        from polyvault import VaultPAM

        with VaultPAM() as pam:
            assert [safe.id for safe in pam.safes.list()] == ["safe_01", "safe_02"]
            assert pam.org_id == fake.org_ids[0]
    assert fake.count("GET /api/v1/org/memberships") == 0


def test_wrong_password_is_authentication_failed_without_the_password() -> None:
    fake = FakeVaultPAM()
    with fake.client(password="hunter2-not-it") as pam, pytest.raises(AuthenticationError) as caught:
        pam.memberships()
    assert caught.value.code == "AUTH_FAILED"
    assert "hunter2-not-it" not in str(caught.value) + repr(caught.value)


def test_rate_limit_headers_and_429_with_retry_after() -> None:
    fake = FakeVaultPAM(user_limit=3)
    with fake.client(retry_policy=RetryPolicy(max_retries=1, max_wait=0.5)) as pam:
        pam.safes.list()  # memberships + safes
        limit = pam.rate_limit
        assert limit is not None and limit.limit == 3 and limit.remaining == 1 and limit.reset_at is not None
        pam.safes.list()
        with pytest.raises(RateLimitError) as caught:
            pam.safes.list()
    assert caught.value.code == "RATE_LIMITED" and caught.value.retry_after is not None


@pytest.mark.anyio
async def test_async_twin(fake_vaultpam: FakeVaultPAM) -> None:
    async with fake_vaultpam.async_client() as pam:
        memberships = await pam.memberships()
        safes = await pam.safes.list()
    assert memberships.active_org_id == pam.org_id
    assert [safe.id for safe in safes] == ["safe_01", "safe_02"]


@pytest.mark.parametrize(
    "kwargs",
    [{"email": 5, "password": "x"}, {"email": "a@b.c", "password": ["x"]}, {"token": 123}, {"org_id": 9, "token": "t"}],
)
def test_bad_construction_is_refused(kwargs: dict[str, object]) -> None:
    from polyvault import VaultPAM

    with pytest.raises(InvalidRequestError, match="must be a string"):
        VaultPAM(**kwargs)  # type: ignore[arg-type]
