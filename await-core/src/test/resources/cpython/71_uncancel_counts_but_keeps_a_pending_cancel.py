# cancel() counts requests and uncancel() takes one back (never below zero), but in 3.11 uncancel() does not withdraw a cancellation not yet delivered.
import asyncio
from vloop import run, log, tf


async def main():
    me = asyncio.current_task()
    log(f"uncancel with no request returns {me.uncancel()}")
    log(f"cancel returns {tf(me.cancel())}, cancelling {me.cancelling()}")
    log(f"uncancel returns {me.uncancel()}")
    try:
        await asyncio.sleep(0)
        log("not reached")
    except asyncio.CancelledError:
        log(f"still cancelled at the next await, cancelling {me.cancelling()}")
    await asyncio.sleep(1)
    log("runs normally afterwards")

run(main())
