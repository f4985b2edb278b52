# wait_for cancels the inner task on timeout and waits for its cleanup before raising TimeoutError.
import asyncio
from vloop import run, log, tf


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("slow cleaning up")
        await asyncio.sleep(1)
        log("slow cleaned up")
        raise


async def main():
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 2)
    except TimeoutError:
        log(f"timeout error, slow cancelled {tf(t.cancelled())}")

run(main())
