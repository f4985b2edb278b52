# Timers fire by deadline, equal deadlines in insertion order; a cancelled handle never fires.
import asyncio
from vloop import run, log, tf


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2, lambda: log("a at 2"))
    loop.call_later(1, lambda: log("b at 1"))
    doomed = loop.call_later(1, lambda: log("cancelled timer fired"))
    loop.call_later(1, lambda: log("c at 1"))
    loop.call_at(loop.time() + 1, lambda: log("d at 1 via call_at"))
    loop.call_later(0.5, lambda: log("e at 0.5"))
    doomed.cancel()
    log(f"handle cancelled {tf(doomed.cancelled())}")
    log(f"handle when {doomed.when():.3f}")
    await asyncio.sleep(3)
    log("main done")

run(main())
