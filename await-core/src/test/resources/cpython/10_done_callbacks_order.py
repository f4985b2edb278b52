# Done-callbacks run in registration order, never synchronously: not even when added to a done future.
import asyncio
from vloop import run, log


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for name in ["one", "two", "three"]:
        fut.add_done_callback(lambda f, n=name: log(f"callback {n} sees {f.result()}"))
    loop.call_soon(lambda: log("queued before completion"))
    fut.set_result(7)
    log("after set_result")
    fut.add_done_callback(lambda f: log("late callback"))
    log("after late add")
    await asyncio.sleep(0)
    log("main resumed")
    await asyncio.sleep(0)
    log("main done")

run(main())
