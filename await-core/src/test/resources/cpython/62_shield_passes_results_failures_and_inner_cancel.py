# shield passes the inner result and failure through; cancelling the inner itself cancels the shield; a done inner returns at once.
import asyncio
from vloop import run, log, tf


async def value_after(delay, value):
    await asyncio.sleep(delay)
    return value


async def fail_after(delay):
    await asyncio.sleep(delay)
    raise ValueError("boom")


async def main():
    log(f"value {await asyncio.shield(asyncio.create_task(value_after(1, 'v')))}")
    try:
        await asyncio.shield(asyncio.create_task(fail_after(1)))
    except ValueError as e:
        log(f"failure {e}")
    inner = asyncio.create_task(value_after(10, "never"))
    asyncio.get_running_loop().call_later(1, inner.cancel)
    try:
        await asyncio.shield(inner)
    except asyncio.CancelledError:
        log(f"inner cancelled {tf(inner.cancelled())}, me cancelling {asyncio.current_task().cancelling()}")
    done = asyncio.create_task(value_after(0, "done"))
    await asyncio.sleep(1)
    log(f"same object {tf(asyncio.shield(done) is done)}")

run(main())
