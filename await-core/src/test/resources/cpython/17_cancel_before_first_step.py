# A task cancelled before its first step never runs its body; awaiting it raises cancelled.
import asyncio
from vloop import run, log, tf


async def body():
    log("body ran")  # must never print
    return 1


async def main():
    t = asyncio.create_task(body())
    log(f"cancel returns {tf(t.cancel())}")
    log(f"cancelled right after cancel() {tf(t.cancelled())}, done {tf(t.done())}")
    try:
        await t
    except asyncio.CancelledError:
        log("awaiting raised cancelled")
    log(f"cancelled {tf(t.cancelled())}, done {tf(t.done())}")

run(main())
