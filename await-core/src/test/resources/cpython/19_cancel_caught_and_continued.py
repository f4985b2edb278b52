# A task may swallow its cancellation, keep working and return normally; it is then not cancelled.
import asyncio
from vloop import run, log, tf


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("stubborn caught cancellation")
    await asyncio.sleep(1)
    log("stubborn returns 42")
    return 42


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    result = await t
    log(f"result {result}")
    log(f"cancelled {tf(t.cancelled())}, cancelling {t.cancelling()}")
    log(f"uncancel returns {t.uncancel()}")

run(main())
