# Two cancel() calls while the task sleeps: both return true, but only ONE cancellation is delivered.
import asyncio
from vloop import run, log, tf


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("stubborn caught cancellation")
    await asyncio.sleep(1)  # not interrupted by the second request
    log("stubborn finished second sleep")
    return "survived"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    log(f"first cancel returns {tf(t.cancel())}")
    log(f"second cancel returns {tf(t.cancel())}")
    log(f"cancelling {t.cancelling()}")
    log(f"result {await t}")
    log(f"cancelled {tf(t.cancelled())}")

run(main())
