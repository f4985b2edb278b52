# A child cancelled directly makes gather raise cancelled, yet the gather is not "cancelled" and siblings run on.
import asyncio
from vloop import run, log, tf


async def child(name, delay):
    await asyncio.sleep(delay)
    log(f"{name} finished")
    return name


async def main():
    a = asyncio.create_task(child("a", 1))
    b = asyncio.create_task(child("b", 3))
    g = asyncio.gather(a, b)
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, lambda: log(f"cancel a returns {tf(a.cancel())}"))
    try:
        await g
    except asyncio.CancelledError:
        log("awaiting gather raised cancelled")
    log(f"gather done {tf(g.done())}, gather cancelled {tf(g.cancelled())}, b done {tf(b.done())}")
    await b
    log("b still finished")

run(main())
