# wait(FIRST_EXCEPTION) returns at the first failure (a cancellation does not count); without one it waits for all.
import asyncio
from vloop import run, log, fmt_list


def names(tasks):
    return fmt_list(sorted(t.get_name() for t in tasks))


async def ok(delay):
    await asyncio.sleep(delay)


async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError("boom")


async def main():
    tasks = [asyncio.create_task(ok(1), name="a"), asyncio.create_task(ok(10), name="b"),
             asyncio.create_task(fail(3), name="c"), asyncio.create_task(ok(5), name="d")]
    asyncio.get_running_loop().call_later(2, tasks[1].cancel)
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    log(f"done {names(done)}, pending {names(pending)}")
    log(f"failure {tasks[2].exception()}")
    others = [asyncio.create_task(ok(1), name="e"), asyncio.create_task(ok(2), name="f")]
    done, pending = await asyncio.wait(others, return_when=asyncio.FIRST_EXCEPTION)
    log(f"done {names(done)}, pending {names(pending)}")
    await tasks[3]

run(main())
