# Every failure is collected, in completion order, including one raised by a child while it is being cancelled.
import asyncio
from vloop import run, log, fmt_list


async def fail_at(delay, msg):
    await asyncio.sleep(delay)
    log(f"{msg} raises")
    raise ValueError(msg)


async def fail_on_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("cleanup raises")
        raise ValueError("cleanup failed")


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(fail_at(1, "first"))
            g.create_task(fail_at(1, "second"))
            g.create_task(fail_on_cancel())
            log("body end")
    except ExceptionGroup as eg:
        log(f"errors {fmt_list(str(e) for e in eg.exceptions)}")
        log(f"message: {eg}")
    # CPython 3.11: a failure while the parent already waits in __aexit__ leaves one cancel request counted
    log(f"main cancelling {me.cancelling()}")

run(main())
