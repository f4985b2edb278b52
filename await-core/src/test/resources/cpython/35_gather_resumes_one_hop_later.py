# gather completes from its child's done-callback, so its awaiter wakes one hop after a direct awaiter.
import asyncio
from vloop import run, log, fmt_list


async def child():
    await asyncio.sleep(1)
    log("child returns")
    return 1


async def direct(t):
    log(f"direct awaiter got {await t}")


async def main():
    t = asyncio.create_task(child())
    g = asyncio.gather(t)  # registers its done-callback on t first
    d = asyncio.create_task(direct(t))
    await asyncio.sleep(0)
    log(f"main got {fmt_list(await g)}")
    await d

run(main())
