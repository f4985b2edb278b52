# Cancelling a gather cancels every pending child; the awaiter sees a cancellation.
import asyncio
from vloop import run, log, tf


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        log(f"{name} finished")
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def main():
    a = asyncio.create_task(child("a", 1))
    b = asyncio.create_task(child("b", 5))
    c = asyncio.create_task(child("c", 5))
    g = asyncio.gather(a, b, c)
    await asyncio.sleep(2)
    log(f"cancel returns {tf(g.cancel())}")
    try:
        await g
        log("gather returned")
    except asyncio.CancelledError:
        log("awaiting gather raised cancelled")
    log(f"a cancelled {tf(a.cancelled())}, b cancelled {tf(b.cancelled())}, c cancelled {tf(c.cancelled())}")
    log(f"gather done {tf(g.done())}, gather cancelled {tf(g.cancelled())}")

run(main())
