# wait_for with a zero timeout returns a done result at once, else cancels, waits and raises TimeoutError.
import asyncio
from vloop import run, log, tf


async def pending():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("pending cancelled")
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    log(f"done future: {await asyncio.wait_for(fut, 0)}")
    t = asyncio.create_task(pending())
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        log(f"timeout error, cancelled {tf(t.cancelled())}")

run(main())
