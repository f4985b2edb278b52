# gather raises the first failure at once; the other children are not cancelled and finish later.
import asyncio
from vloop import run, log, tf


async def ok(name, delay):
    await asyncio.sleep(delay)
    log(f"{name} finished")
    return name


async def fail():
    await asyncio.sleep(1)
    log("failing child raises")
    raise ValueError("boom")


async def main():
    a = asyncio.create_task(ok("a", 2))
    b = asyncio.create_task(fail())
    c = asyncio.create_task(ok("c", 3))
    g = asyncio.gather(a, b, c)
    try:
        await g
    except ValueError as e:
        log(f"caught error: {e}")
    log(f"a done {tf(a.done())}, c done {tf(c.done())}, gather cancelled {tf(g.cancelled())}")
    await asyncio.sleep(5)
    log(f"a result {a.result()}, c result {c.result()}")

run(main())
