# The exception a task raises comes out of await unchanged: same object, same message.
import asyncio
from vloop import run, log, tf

original = ValueError("boom")


async def failing():
    await asyncio.sleep(1)
    log("failing raises")
    raise original


async def main():
    t = asyncio.create_task(failing())
    try:
        await t
    except ValueError as e:
        log(f"caught error: {e}")
        log(f"same object {tf(e is original)}")
    log(f"task done {tf(t.done())}, cancelled {tf(t.cancelled())}")
    log(f"exception() gives: {t.exception()}")

run(main())
