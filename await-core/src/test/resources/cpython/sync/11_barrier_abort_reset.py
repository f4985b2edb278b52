# Barrier: abort() breaks waiting parties and later waits; reset() makes it usable again and breaks the parties waiting at that moment.
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from vloop import run, log, tf, fmt_list  # noqa: E402


async def main():
    barrier = asyncio.Barrier(3)

    async def party(name):
        log(f"{name} waits")
        try:
            index = await barrier.wait()
            log(f"{name} passes with index {index}")
        except asyncio.BrokenBarrierError as e:
            log(f"{name} broken: {e}")

    tasks = [asyncio.create_task(party(n)) for n in ("a", "b")]
    await asyncio.sleep(1)
    log(f"n_waiting={barrier.n_waiting}")
    await barrier.abort()
    log(f"aborted, broken={tf(barrier.broken)}")
    await asyncio.gather(*tasks)
    await party("late")

    await barrier.reset()
    log(f"reset, broken={tf(barrier.broken)}, n_waiting={barrier.n_waiting}")
    tasks = [asyncio.create_task(party(n)) for n in ("c", "d")]
    await asyncio.sleep(1)
    await barrier.reset()
    log(f"reset with 2 waiting, broken={tf(barrier.broken)}")
    await asyncio.gather(*tasks)
    tasks = [asyncio.create_task(party(n)) for n in ("e", "f", "g")]
    await asyncio.gather(*tasks)
    log(f"parties={barrier.parties}, n_waiting={barrier.n_waiting}")

run(main())
