"""One measurement in a fresh interpreter: `python worker.py TASK '<json args>'` prints one JSON line.

Runs in the benchmark venv (vaultkit and the generated packages installed from source, plus the
vendors' SDKs), against a fake vault served by another process. Each contender measures itself:
wall time (perf_counter) and this process's CPU time (process_time, user+system of all its
threads) around the timed loop only; imports, client construction and a warm-up are outside it.
Only the modules a contender needs are imported.
"""

from __future__ import annotations

import asyncio
import base64
import json
import resource
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from common import luhn_cards

Args = dict[str, Any]


def _basic(args: Args) -> str:
    return "Basic " + base64.b64encode(f"{args['username']}:{args['password']}".encode()).decode()


# --- 1. per-call overhead: sequential reveals of one alias ----------------------------------------
#
# All contenders of one mode (sync or async) live in one process and take turns in blocks of
# `block` calls, the order rotating every block, so a burst of load from elsewhere on the machine
# hits them all alike. Each has its own client and connection.


def _check(response: Any) -> Any:
    if response.status_code != 200:
        raise RuntimeError(f"reveal answered {response.status_code}")
    return response


def _sync_contenders(args: Args, stack: Any) -> dict[str, Callable[[], str]]:
    base, alias = args["base_url"], args["alias"]
    url = f"{base}/aliases/{quote(alias, safe='')}"
    calls: dict[str, Callable[[], str]] = {}
    for contender in args["contenders"]:
        if contender == "raw_sync":
            import httpx

            raw = stack.enter_context(httpx.Client(headers={"Authorization": _basic(args)}))
            calls[contender] = lambda raw=raw: str(_check(raw.get(url)).json()["data"][0]["value"])
        elif contender == "generated_sync":
            from vgs_vault_client import Client
            from vgs_vault_client.api.aliases import reveal_alias

            generated = stack.enter_context(Client(base_url=base, headers={"Authorization": _basic(args)}))
            calls[contender] = lambda generated=generated: str(
                _check(reveal_alias.sync_detailed(alias, client=generated)).parsed.data[0].value
            )
        elif contender == "facade_sync":
            from vaultkit import VGS

            vgs = stack.enter_context(VGS(args["username"], args["password"], base_url=base))
            calls[contender] = lambda vgs=vgs: vgs.aliases.reveal(alias).value
        else:
            raise SystemExit(f"unknown sync contender {contender}")
    return calls


def percall(args: Args) -> dict[str, Any]:
    if args["mode"] == "async":
        return asyncio.run(_percall_async(args))
    import contextlib

    n, block, warmup = args["n"], args["block"], args["warmup"]
    totals = {name: {"wall": 0.0, "cpu": 0.0, "n": 0} for name in args["contenders"]}
    with contextlib.ExitStack() as stack:
        calls = _sync_contenders(args, stack)
        for name, call in calls.items():
            for _ in range(warmup):
                if call() != args["value"]:
                    raise SystemExit(f"{name} revealed the wrong value")
        names = list(calls)
        for index in range(-(-n // block)):
            for name in names[index % len(names) :] + names[: index % len(names)]:
                call, count = calls[name], min(block, n - index * block)
                wall, cpu = time.perf_counter(), time.process_time()
                for _ in range(count):
                    call()
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                totals[name]["wall"] += wall
                totals[name]["cpu"] += cpu
                totals[name]["n"] += count
    return {"contenders": totals}


async def _percall_async(args: Args) -> dict[str, Any]:
    import contextlib

    base, alias = args["base_url"], args["alias"]
    url = f"{base}/aliases/{quote(alias, safe='')}"
    n, block, warmup = args["n"], args["block"], args["warmup"]
    totals = {name: {"wall": 0.0, "cpu": 0.0, "n": 0} for name in args["contenders"]}
    async with contextlib.AsyncExitStack() as stack:
        calls: dict[str, Callable[[], Awaitable[str]]] = {}
        for contender in args["contenders"]:
            if contender == "raw_async":
                import httpx

                raw = await stack.enter_async_context(httpx.AsyncClient(headers={"Authorization": _basic(args)}))

                async def raw_call(raw: Any = raw) -> str:
                    return str(_check(await raw.get(url)).json()["data"][0]["value"])

                calls[contender] = raw_call
            elif contender == "generated_async":
                from vgs_vault_client import Client
                from vgs_vault_client.api.aliases import reveal_alias

                generated = await stack.enter_async_context(Client(base_url=base, headers={"Authorization": _basic(args)}))

                async def generated_call(generated: Any = generated) -> str:
                    return str(_check(await reveal_alias.asyncio_detailed(alias, client=generated)).parsed.data[0].value)

                calls[contender] = generated_call
            elif contender == "facade_async":
                from vaultkit import AsyncVGS

                vgs = await stack.enter_async_context(AsyncVGS(args["username"], args["password"], base_url=base))

                async def facade_call(vgs: Any = vgs) -> str:
                    return (await vgs.aliases.reveal(alias)).value

                calls[contender] = facade_call
            else:
                raise SystemExit(f"unknown async contender {contender}")
        for name, call in calls.items():
            for _ in range(warmup):
                if await call() != args["value"]:
                    raise SystemExit(f"{name} revealed the wrong value")
        names = list(calls)
        for index in range(-(-n // block)):
            for name in names[index % len(names) :] + names[: index % len(names)]:
                call, count = calls[name], min(block, n - index * block)
                wall, cpu = time.perf_counter(), time.process_time()
                for _ in range(count):
                    await call()
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                totals[name]["wall"] += wall
                totals[name]["cpu"] += cpu
                totals[name]["n"] += count
    return {"contenders": totals}


# --- 2. bulk tokenization ---------------------------------------------------------------------------


def bulk(args: Args) -> dict[str, Any]:
    contender, count, fmt, chunk = args["contender"], args["count"], args["format"], args["chunk"]
    cards = luhn_cards(count, seed=args["seed"])
    warm = luhn_cards(chunk, seed=args["seed"] + 1_000_003)
    base = args["base_url"]
    if contender == "official":
        aliases, timing = _bulk_official(args, cards, warm, fmt, chunk)
    elif contender == "raw_sync":
        import httpx

        with httpx.Client(headers={"Authorization": _basic(args)}, timeout=60) as client:

            def tokenize(values: list[str]) -> list[str]:
                out: list[str] = []
                for start in range(0, len(values), chunk):
                    body = {"data": [{"value": value, "format": fmt} for value in values[start : start + chunk]]}
                    response = client.post(f"{base}/aliases", json=body)
                    if response.status_code != 201:
                        raise RuntimeError(f"create answered {response.status_code}")
                    out.extend(record["aliases"][0]["alias"] for record in response.json()["data"])
                return out

            tokenize(warm)
            aliases, timing = _timed(lambda: tokenize(cards))
    elif contender == "facade_sync":
        from vaultkit import VGS

        with VGS(args["username"], args["password"], base_url=base) as vgs:
            vgs.aliases.tokenize(warm, format=fmt)
            aliases, timing = _timed(lambda: vgs.aliases.tokenize(cards, format=fmt))
    elif contender == "facade_async":
        aliases, timing = asyncio.run(_bulk_facade_async(args, cards, warm, fmt))
    elif contender == "raw_async":
        aliases, timing = asyncio.run(_bulk_raw_async(args, cards, warm, fmt, chunk))
    else:
        raise SystemExit(f"unknown contender {contender}")
    if len(aliases) != count or len(set(aliases)) != count:
        raise SystemExit(f"{contender} returned {len(aliases)} aliases ({len(set(aliases))} distinct) for {count} values")
    return {**timing, "n": count, "requests": -(-count // chunk)}


def _timed(run: Callable[[], Any]) -> tuple[Any, dict[str, float]]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return result, {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


async def _bulk_facade_async(args: Args, cards: list[str], warm: list[str], fmt: str) -> tuple[list[str], dict[str, float]]:
    from vaultkit import AsyncVGS

    async with AsyncVGS(args["username"], args["password"], base_url=args["base_url"], max_concurrency=args["concurrency"]) as vgs:
        await vgs.aliases.tokenize(warm, format=fmt)
        wall, cpu = time.perf_counter(), time.process_time()
        aliases = await vgs.aliases.tokenize(cards, format=fmt)
        return aliases, {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


async def _bulk_raw_async(args: Args, cards: list[str], warm: list[str], fmt: str, chunk: int) -> tuple[list[str], dict[str, float]]:
    """The async floor: httpx.AsyncClient, chunks sent with at most `concurrency` in flight (asyncio.Semaphore)."""
    import httpx

    limit = asyncio.Semaphore(args["concurrency"])
    async with httpx.AsyncClient(headers={"Authorization": _basic(args)}, timeout=60) as client:

        async def one(part: list[str]) -> list[str]:
            async with limit:
                response = await client.post(
                    f"{args['base_url']}/aliases", json={"data": [{"value": value, "format": fmt} for value in part]}
                )
            if response.status_code != 201:
                raise RuntimeError(f"create answered {response.status_code}")
            return [record["aliases"][0]["alias"] for record in response.json()["data"]]

        async def tokenize(values: list[str]) -> list[str]:
            parts = await asyncio.gather(*(one(values[start : start + chunk]) for start in range(0, len(values), chunk)))
            return [alias for part in parts for alias in part]

        await tokenize(warm)
        wall, cpu = time.perf_counter(), time.process_time()
        aliases = await tokenize(cards)
        return aliases, {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def _bulk_official(args: Args, cards: list[str], warm: list[str], fmt: str, chunk: int) -> tuple[list[str], dict[str, float]]:
    """vgs-api-client 0.0.51's generated layer (AliasesApi.create_aliases), 20 values per request, as its docs show."""
    import vgs_api_client
    from vgs_api_client.api.aliases_api import AliasesApi
    from vgs_api_client.model.alias_format import AliasFormat
    from vgs_api_client.model.create_aliases_request import CreateAliasesRequest
    from vgs_api_client.model.create_aliases_request_new import CreateAliasesRequestNew

    config = vgs_api_client.Configuration(host=args["base_url"], username=args["username"], password=args["password"])
    api = AliasesApi(vgs_api_client.ApiClient(config))

    def tokenize(values: list[str]) -> list[str]:
        out: list[str] = []
        for start in range(0, len(values), chunk):
            request = CreateAliasesRequest(
                data=[CreateAliasesRequestNew(value=value, format=AliasFormat(fmt)) for value in values[start : start + chunk]]
            )
            response = api.create_aliases(create_aliases_request=request)
            out.extend(str(record.aliases[0].alias) for record in response.data)
        return out

    tokenize(warm)
    return _timed(lambda: tokenize(cards))


# --- 3. paging --------------------------------------------------------------------------------------


def paging(args: Args) -> dict[str, Any]:
    """Iterate every Apideck log entry at page size `limit`; with `trace`, also measure peak memory growth (tracemalloc).

    Entries are consumed and dropped, as a caller streaming logs would: memory should stay flat.
    """
    import gc
    import tracemalloc

    contender, limit, cap = args["contender"], args["limit"], args["max_items"]
    env, base = args["env"], args["base_url"]
    if contender == "raw_sync":
        import httpx

        headers = {"Authorization": f"Bearer {env['APIDECK_API_KEY']}", "x-apideck-app-id": env["APIDECK_APP_ID"]}
        headers["x-apideck-consumer-id"] = env["APIDECK_CONSUMER_ID"]
        client = httpx.Client(headers=headers)

        def entries(page_limit: int) -> Any:
            cursor = None
            for _ in range(cap // page_limit + 2):  # bounded: never more pages than the entries allow
                params: dict[str, Any] = {"limit": page_limit}
                if cursor:
                    params["cursor"] = cursor
                response = client.get(f"{base}/vault/logs", params=params)
                if response.status_code != 200:
                    raise RuntimeError(f"logs answered {response.status_code}")
                body = response.json()
                yield from body["data"]
                cursor = (body.get("meta") or {}).get("cursors", {}).get("next")
                if not cursor:
                    return
            raise RuntimeError("more pages than entries: cursors do not advance")

        close = client.close
    elif contender == "facade_sync":
        from vaultkit import Apideck

        apideck = Apideck(env["APIDECK_API_KEY"], env["APIDECK_APP_ID"], consumer_id=env["APIDECK_CONSUMER_ID"], base_url=base)

        def entries(page_limit: int) -> Any:
            return apideck.logs.list(limit=page_limit)

        close = apideck.close
    else:
        raise SystemExit(f"unknown contender {contender}")
    try:
        for _ in zip(range(limit), entries(limit), strict=False):  # warm-up: one page (lazy imports, the connection)
            pass
        gc.collect()
        if args["trace"]:
            tracemalloc.start()
        baseline = tracemalloc.get_traced_memory()[0] if args["trace"] else 0
        wall, cpu = time.perf_counter(), time.process_time()
        count = 0
        for _entry in entries(limit):
            count += 1
            if count > cap:
                raise SystemExit(f"{contender} yielded more than {cap} entries: cursors not followed correctly")
        timing = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}
        peak = 0
        if args["trace"]:
            peak = tracemalloc.get_traced_memory()[1] - baseline
            tracemalloc.stop()
    finally:
        close()
    return {**timing, "n": count, "peak_bytes": peak, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


TASKS: dict[str, Callable[[Args], dict[str, Any]]] = {"percall": percall, "bulk": bulk, "paging": paging}


def main() -> int:
    task, raw = sys.argv[1], sys.argv[2]
    result = TASKS[task](json.loads(raw))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
