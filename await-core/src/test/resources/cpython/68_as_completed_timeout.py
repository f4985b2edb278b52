# as_completed with a timeout: what is done before the deadline comes out, then every remaining await raises TimeoutError.
import asyncio
from vloop import run, log, tf


async def job(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    slow = asyncio.create_task(job(5, "slow"))
    tasks = [asyncio.create_task(job(1, "fast")), slow, asyncio.create_task(job(6, "slower"))]
    for coro in asyncio.as_completed(tasks, timeout=2):
        try:
            log(f"got {await coro}")
        except TimeoutError:
            log("timeout error")
    log(f"slow cancelled {tf(slow.cancelled())}")
    log(f"slow result {await slow}")

run(main())
