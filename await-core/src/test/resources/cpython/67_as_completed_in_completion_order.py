# as_completed yields results in completion order, each as soon as it is ready; a failure surfaces at its turn.
import asyncio
from vloop import run, log


async def job(delay, value):
    await asyncio.sleep(delay)
    if value is None:
        raise ValueError(f"failed after {delay}")
    return value


async def main():
    tasks = [asyncio.create_task(job(3, "three")), asyncio.create_task(job(1, "one")),
             asyncio.create_task(job(2, None)), asyncio.create_task(job(4, "four"))]
    for coro in asyncio.as_completed(tasks):
        try:
            log(f"got {await coro}")
        except ValueError as e:
            log(f"raised {e}")

run(main())
