# A removed done-callback never runs; the others keep their registration order.
import asyncio
from vloop import run, log, tf


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def first(f):
        log("first callback")

    def second(f):
        log("second callback")  # must never print

    def third(f):
        log("third callback")

    for cb in (first, second, third):
        fut.add_done_callback(cb)
    log(f"removed {tf(fut.remove_done_callback(second) > 0)}")
    log(f"removed again {tf(fut.remove_done_callback(second) > 0)}")
    fut.set_result(None)
    await asyncio.sleep(0)
    log("main done")

run(main())
