# An awaiting task's wakeup is just a done-callback: callbacks and waiters run in registration order.
import asyncio
from vloop import run, log


async def child():
    await asyncio.sleep(1)
    log("child returns")
    return 5


async def helper(t):
    log("helper awaits child")
    log(f"helper got {await t}")


async def main():
    t = asyncio.create_task(child())
    t.add_done_callback(lambda f: log("callback registered before awaiters"))
    h = asyncio.create_task(helper(t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: log("callback registered after helper"))
    log("main awaits child")
    log(f"main got {await t}")
    t.add_done_callback(lambda f: log("callback added when done"))
    log("main yields")
    await asyncio.sleep(0)
    await h
    log("main done")

run(main())
