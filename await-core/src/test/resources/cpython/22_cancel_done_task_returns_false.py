# Cancelling a task that already finished returns false and changes nothing.
import asyncio
from vloop import run, log, tf


async def quick():
    log("quick runs")
    return "ok"


async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    log(f"done {tf(t.done())}")
    log(f"cancel returns {tf(t.cancel())}")
    log(f"cancelled {tf(t.cancelled())}, cancelling {t.cancelling()}, result {t.result()}")
    log(f"await gives {await t}")

run(main())
