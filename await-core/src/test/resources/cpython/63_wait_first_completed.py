# wait(FIRST_COMPLETED) returns as soon as one is done, with done and pending sets; the others keep running.
import asyncio
from vloop import run, log, fmt_list


def names(tasks):
    return fmt_list(sorted(t.get_name() for t in tasks))


async def job(delay):
    await asyncio.sleep(delay)
    log(f"job {delay} done")


async def main():
    tasks = [asyncio.create_task(job(d), name=n) for n, d in (("a", 2), ("b", 1), ("c", 3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    log(f"done {names(done)}, pending {names(pending)}")
    done, pending = await asyncio.wait(tasks)
    log(f"done {names(done)}, pending {names(pending)}")

run(main())
