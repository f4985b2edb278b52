# A child's failure cancels its siblings and the body (which the group then un-cancels) and comes out as the group's aggregate.
import asyncio
from vloop import run, log, tf


async def failing(delay, msg):
    await asyncio.sleep(delay)
    log(f"{msg} raises")
    raise ValueError(msg)


async def sibling():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log("sibling cancelled")
        raise


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(failing(1, "boom"))
            s = g.create_task(sibling())
            try:
                await asyncio.sleep(5)
                log("body not interrupted")
            except asyncio.CancelledError:
                log(f"body cancelled, cancelling {me.cancelling()}")
                raise
    except ExceptionGroup as eg:
        log(f"{eg.args[0]}: {[str(e) for e in eg.exceptions]}".replace("'", ""))
        log(f"message: {eg}")
    log(f"sibling cancelled {tf(s.cancelled())}, main cancelling {me.cancelling()}")
    await asyncio.sleep(1)
    log("main goes on")

run(main())
