# Barrier: the last of n parties releases the others; indices follow arrival order; a second round waits for the first to drain.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    barrier = asyncio.Barrier(3)

    async def party(name, delay):
        await asyncio.sleep(delay)
        log(f"{name} arrives, n_waiting={barrier.n_waiting}")
        index = await barrier.wait()
        log(f"{name} passes with index {index}")
        index = await barrier.wait()
        log(f"{name} passes round two with index {index}")
        return index

    tasks = [asyncio.create_task(party(n, d)) for n, d in (("a", 1), ("b", 2), ("c", 3))]
    results = await asyncio.gather(*tasks)
    log(f"round two indices {fmt_list(results)}, n_waiting={barrier.n_waiting}, broken={tf(barrier.broken)}")

run(main())
