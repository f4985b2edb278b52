# wait on awaitables that are all done already still suspends: the completion callbacks go through the ready queue.
import asyncio
from vloop import run, log, fmt_list


def names(tasks):
    return fmt_list(sorted(t.get_name() for t in tasks))


async def ticker():
    for i in range(4):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(asyncio.sleep(0), name="a")
    b = asyncio.create_task(asyncio.sleep(0), name="b")
    await asyncio.sleep(1)
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    log("waiting")
    done, pending = await asyncio.wait([a, b])
    log(f"done {names(done)}, pending {names(pending)}")
    try:
        await asyncio.wait([])
    except ValueError:
        log("empty refused")

run(main())
