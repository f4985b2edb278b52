# A failure in an inner group fails the child running it, so the outer aggregate holds the inner aggregate.
import asyncio
from vloop import run, log


def describe(e):
    if isinstance(e, BaseExceptionGroup):
        return "group[" + ", ".join(describe(x) for x in e.exceptions) + "]"
    return str(e)


async def fail_at(delay, msg):
    await asyncio.sleep(delay)
    log(f"{msg} raises")
    raise ValueError(msg)


async def sibling(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def inner_runner():
    async with asyncio.TaskGroup() as inner:
        inner.create_task(fail_at(1, "deep"))
        inner.create_task(sibling("inner sibling"))


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(sibling("outer sibling"))
            outer.create_task(inner_runner())
    except ExceptionGroup as eg:
        log(f"caught {describe(eg)}")

run(main())
