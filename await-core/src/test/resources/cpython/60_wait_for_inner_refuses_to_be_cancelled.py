# If the inner task answers its timeout cancellation with a value or an exception, wait_for returns or raises that.
import asyncio
from vloop import run, log


async def gives_partial():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("partial result instead")
    return "partial"


async def fails_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("cleanup failed")


async def main():
    log(f"got {await asyncio.wait_for(asyncio.create_task(gives_partial()), 1)}")
    try:
        await asyncio.wait_for(asyncio.create_task(fails_on_cancel()), 1)
    except ValueError as e:
        log(f"raised {e}")

run(main())
