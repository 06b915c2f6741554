"""One measurement in a fresh interpreter: `python worker.py TASK '<json args>'` prints one JSON line.

Runs in the benchmark venv (polyvault and the generated packages installed from source, plus the
vendors' SDKs), against a fake vault served by another process. Each contender measures itself:
wall time (perf_counter) and this process's CPU time (process_time, user+system of all its
threads) around the timed loop only; imports, client construction and a warm-up are outside it.
Only the modules a contender needs are imported.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import resource
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any
from urllib.parse import quote

from common import luhn_cards, rotated

Args = dict[str, Any]


def _auth_headers(args: Args) -> dict[str, str]:
    """The VGS Basic Authorization header (computed once per worker, handed to every raw or generated client)."""
    return {"Authorization": "Basic " + base64.b64encode(f"{args['username']}:{args['password']}".encode()).decode()}


@contextlib.contextmanager
def _stopwatch(into: dict[str, float]) -> Iterator[None]:
    """Add the `with` block's wall time (perf_counter) and this process's CPU time (process_time) to into["wall"], into["cpu"]."""
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    into["wall"] = into.get("wall", 0.0) + wall
    into["cpu"] = into.get("cpu", 0.0) + cpu


# --- 1. per-call overhead: sequential reveals of one alias ----------------------------------------
#
# All contenders of one mode (sync or async) live in one process and take turns in blocks of
# `block` calls, the order rotating every block, so a burst of load from elsewhere on the machine
# hits them all alike. Each has its own client and connection.


def _check(response: Any) -> Any:
    if response.status_code != 200:
        raise RuntimeError(f"reveal answered {response.status_code}")
    return response


def _expect(name: str, revealed: list[str], value: str) -> None:
    if any(got != value for got in revealed):
        raise SystemExit(f"{name} revealed the wrong value")


def _blocks(names: list[str], n: int, block: int) -> Iterator[tuple[str, int]]:
    """(contender, calls) turns: `n` calls per contender in blocks of `block`, the order rotating every block."""
    for index in range(-(-n // block)):
        count = min(block, n - index * block)
        for name in rotated(names, index):
            yield name, count


def _sync_contenders(args: Args, stack: contextlib.ExitStack, headers: dict[str, str]) -> dict[str, Callable[[], str]]:
    base, alias = args["base_url"], args["alias"]
    url = f"{base}/aliases/{quote(alias, safe='')}"
    calls: dict[str, Callable[[], str]] = {}
    for contender in args["contenders"]:
        if contender == "raw_sync":
            import httpx

            raw = stack.enter_context(httpx.Client(headers=headers))
            calls[contender] = lambda raw=raw: str(_check(raw.get(url)).json()["data"][0]["value"])
        elif contender == "generated_sync":
            from polyvault_vgs_client import Client
            from polyvault_vgs_client.api.aliases import reveal_alias

            generated = stack.enter_context(Client(base_url=base, headers=headers))
            calls[contender] = lambda generated=generated: str(
                _check(reveal_alias.sync_detailed(alias, client=generated)).parsed.data[0].value
            )
        elif contender == "facade_sync":
            from polyvault import VGS

            vgs = stack.enter_context(VGS(args["username"], args["password"], base_url=base))
            calls[contender] = lambda vgs=vgs: vgs.aliases.reveal(alias).value
        else:
            raise SystemExit(f"unknown sync contender {contender}")
    return calls


async def _async_contenders(
    args: Args, stack: contextlib.AsyncExitStack, headers: dict[str, str]
) -> dict[str, Callable[[], Awaitable[str]]]:
    base, alias = args["base_url"], args["alias"]
    url = f"{base}/aliases/{quote(alias, safe='')}"
    calls: dict[str, Callable[[], Awaitable[str]]] = {}
    for contender in args["contenders"]:
        if contender == "raw_async":
            import httpx

            raw = await stack.enter_async_context(httpx.AsyncClient(headers=headers))

            async def raw_call(raw: Any = raw) -> str:
                return str(_check(await raw.get(url)).json()["data"][0]["value"])

            calls[contender] = raw_call
        elif contender == "generated_async":
            from polyvault_vgs_client import Client
            from polyvault_vgs_client.api.aliases import reveal_alias

            generated = await stack.enter_async_context(Client(base_url=base, headers=headers))

            async def generated_call(generated: Any = generated) -> str:
                return str(_check(await reveal_alias.asyncio_detailed(alias, client=generated)).parsed.data[0].value)

            calls[contender] = generated_call
        elif contender == "facade_async":
            from polyvault import AsyncVGS

            vgs = await stack.enter_async_context(AsyncVGS(args["username"], args["password"], base_url=base))

            async def facade_call(vgs: Any = vgs) -> str:
                return (await vgs.aliases.reveal(alias)).value

            calls[contender] = facade_call
        else:
            raise SystemExit(f"unknown async contender {contender}")
    return calls


def percall(args: Args) -> dict[str, Any]:
    """Totals {contender: {wall, cpu}} over args["n"] calls each."""
    headers = _auth_headers(args)
    if args["mode"] == "async":
        return asyncio.run(_percall_async(args, headers))
    totals: dict[str, dict[str, float]] = {name: {"wall": 0.0, "cpu": 0.0} for name in args["contenders"]}
    with contextlib.ExitStack() as stack:
        calls = _sync_contenders(args, stack, headers)
        for name, call in calls.items():
            _expect(name, [call() for _ in range(args["warmup"])], args["value"])
        for name, count in _blocks(list(calls), args["n"], args["block"]):
            call = calls[name]
            with _stopwatch(totals[name]):
                for _ in range(count):
                    call()
    return {"contenders": totals}


async def _percall_async(args: Args, headers: dict[str, str]) -> dict[str, Any]:
    totals: dict[str, dict[str, float]] = {name: {"wall": 0.0, "cpu": 0.0} for name in args["contenders"]}
    async with contextlib.AsyncExitStack() as stack:
        calls = await _async_contenders(args, stack, headers)
        for name, call in calls.items():
            _expect(name, [await call() for _ in range(args["warmup"])], args["value"])
        for name, count in _blocks(list(calls), args["n"], args["block"]):
            call = calls[name]
            with _stopwatch(totals[name]):
                for _ in range(count):
                    await call()
    return {"contenders": totals}


# --- 2. bulk tokenization ---------------------------------------------------------------------------


def _parts(values: list[str], chunk: int) -> list[list[str]]:
    return [values[start : start + chunk] for start in range(0, len(values), chunk)]


def _create_body(values: list[str], fmt: str) -> dict[str, Any]:
    return {"data": [{"value": value, "format": fmt} for value in values]}


def _created_aliases(response: Any) -> list[str]:
    if response.status_code != 201:
        raise RuntimeError(f"create answered {response.status_code}")
    return [record["aliases"][0]["alias"] for record in response.json()["data"]]


def _check_facade_chunk(chunk: int) -> None:
    """The facade chunks by itself (polyvault.vgs.CHUNK): it must be the `chunk` the other contenders use."""
    import polyvault.vgs

    if chunk != polyvault.vgs.CHUNK:
        raise SystemExit(f"polyvault.vgs.CHUNK is {polyvault.vgs.CHUNK}, the benchmark sends {chunk} values per request")


def bulk(args: Args) -> dict[str, Any]:
    """Tokenize args["count"] values with one contender at args["concurrency"] requests in flight (1: one after another)."""
    contender, count, fmt, chunk, width = args["contender"], args["count"], args["format"], args["chunk"], args["concurrency"]
    cards = luhn_cards(count, seed=args["seed"])
    warm = luhn_cards(chunk * width, seed=args["seed"] + 1_000_003)  # one round of `width` requests: every connection opened
    base = args["base_url"]
    timing: dict[str, float] = {}
    if contender == "official":
        aliases = _bulk_official(args, cards, warm, timing)
    elif contender == "raw_sync":
        aliases = _bulk_raw_sync(args, cards, warm, timing)
    elif contender == "facade_sync":
        from polyvault import VGS

        _check_facade_chunk(chunk)
        with VGS(args["username"], args["password"], base_url=base, max_concurrency=width) as vgs:
            vgs.aliases.tokenize(warm, format=fmt)
            with _stopwatch(timing):
                aliases = vgs.aliases.tokenize(cards, format=fmt)
    elif contender == "facade_async":
        _check_facade_chunk(chunk)
        aliases = asyncio.run(_bulk_facade_async(args, cards, warm, timing))
    elif contender == "raw_async":
        aliases = asyncio.run(_bulk_raw_async(args, cards, warm, timing))
    else:
        raise SystemExit(f"unknown contender {contender}")
    if len(aliases) != count or len(set(aliases)) != count:
        raise SystemExit(f"{contender} returned {len(aliases)} aliases ({len(set(aliases))} distinct) for {count} values")
    return {**timing, "n": count, "requests": -(-count // chunk)}


def _bulk_raw_sync(args: Args, cards: list[str], warm: list[str], timing: dict[str, float]) -> list[str]:
    """The sync floor: one httpx.Client; with concurrency > 1, chunks sent from a ThreadPoolExecutor of that many threads."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    base, fmt, width = args["base_url"], args["format"], args["concurrency"]
    limits = httpx.Limits(max_connections=max(width, 10), max_keepalive_connections=max(width, 10))
    with httpx.Client(headers=_auth_headers(args), timeout=60, limits=limits) as client, ThreadPoolExecutor(width) as pool:

        def one(part: list[str]) -> list[str]:
            return _created_aliases(client.post(f"{base}/aliases", json=_create_body(part, fmt)))

        def tokenize(values: list[str]) -> list[str]:
            parts = _parts(values, args["chunk"])
            done = map(one, parts) if width == 1 else pool.map(one, parts)
            return [alias for part in done for alias in part]

        tokenize(warm)
        with _stopwatch(timing):
            return tokenize(cards)


async def _bulk_facade_async(args: Args, cards: list[str], warm: list[str], timing: dict[str, float]) -> list[str]:
    from polyvault import AsyncVGS

    fmt = args["format"]
    async with AsyncVGS(args["username"], args["password"], base_url=args["base_url"], max_concurrency=args["concurrency"]) as vgs:
        await vgs.aliases.tokenize(warm, format=fmt)
        with _stopwatch(timing):
            aliases: list[str] = await vgs.aliases.tokenize(cards, format=fmt)
    return aliases


async def _bulk_raw_async(args: Args, cards: list[str], warm: list[str], timing: dict[str, float]) -> list[str]:
    """The async floor: httpx.AsyncClient, chunks sent with at most `concurrency` in flight (asyncio.Semaphore)."""
    import httpx

    limit = asyncio.Semaphore(args["concurrency"])
    async with httpx.AsyncClient(headers=_auth_headers(args), timeout=60) as client:

        async def one(part: list[str]) -> list[str]:
            async with limit:
                response = await client.post(f"{args['base_url']}/aliases", json=_create_body(part, args["format"]))
            return _created_aliases(response)

        async def tokenize(values: list[str]) -> list[str]:
            parts = await asyncio.gather(*(one(part) for part in _parts(values, args["chunk"])))
            return [alias for part in parts for alias in part]

        await tokenize(warm)
        with _stopwatch(timing):
            aliases = await tokenize(cards)
    return aliases


def _bulk_official(args: Args, cards: list[str], warm: list[str], timing: dict[str, float]) -> list[str]:
    """vgs-api-client 0.0.51's generated layer (AliasesApi.create_aliases), `chunk` values per request, as its docs show.

    With concurrency > 1 it runs the way that SDK runs concurrently: `ApiClient(pool_threads=N)` and
    `async_req=True`, every chunk submitted at once to its thread pool of N, results collected in order.
    """
    import vgs_api_client
    from vgs_api_client.api.aliases_api import AliasesApi
    from vgs_api_client.model.alias_format import AliasFormat
    from vgs_api_client.model.create_aliases_request import CreateAliasesRequest
    from vgs_api_client.model.create_aliases_request_new import CreateAliasesRequestNew

    width = args["concurrency"]
    config = vgs_api_client.Configuration(host=args["base_url"], username=args["username"], password=args["password"])
    config.connection_pool_maxsize = max(width, config.connection_pool_maxsize)  # one pooled connection per thread at least
    client = vgs_api_client.ApiClient(config, pool_threads=width)
    api = AliasesApi(client)

    def request(part: list[str]) -> Any:
        return CreateAliasesRequest(data=[CreateAliasesRequestNew(value=value, format=AliasFormat(args["format"])) for value in part])

    def tokenize(values: list[str]) -> list[str]:
        parts = _parts(values, args["chunk"])
        if width == 1:
            responses = [api.create_aliases(create_aliases_request=request(part)) for part in parts]
        else:
            pending = [api.create_aliases(create_aliases_request=request(part), async_req=True) for part in parts]
            responses = [result.get() for result in pending]
        return [str(record.aliases[0].alias) for response in responses for record in response.data]

    try:
        tokenize(warm)
        with _stopwatch(timing):  # stops the watch on the way out of the return
            return tokenize(cards)
    finally:
        client.close()


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
        from polyvault import Apideck

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
        timing: dict[str, float] = {}
        count = 0
        with _stopwatch(timing):
            for _entry in entries(limit):
                count += 1
                if count > cap:
                    raise SystemExit(f"{contender} yielded more than {cap} entries: cursors not followed correctly")
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
