# An exception in the body cancels the children and joins their failures, last, in the aggregate.
import asyncio
from vloop import run, log, fmt_list


async def fail_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("child cleanup raises")
        raise ValueError("cleanup failed")


async def quiet():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(1)
        log("quiet cleaned up")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(fail_on_cancel())
            g.create_task(quiet())
            await asyncio.sleep(1)
            log("body raises")
            raise ValueError("body")
    except ExceptionGroup as eg:
        log(f"errors {fmt_list(str(e) for e in eg.exceptions)}")

run(main())
