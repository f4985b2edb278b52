# wait with a timeout returns what is done and pending at the deadline; it never raises TimeoutError nor cancels.
import asyncio
from vloop import run, log, fmt_list, tf


def names(tasks):
    return fmt_list(sorted(t.get_name() for t in tasks))


async def job(delay):
    await asyncio.sleep(delay)
    log(f"job {delay} done")


async def main():
    tasks = [asyncio.create_task(job(1), name="a"), asyncio.create_task(job(3), name="b")]
    done, pending = await asyncio.wait(tasks, timeout=2)
    log(f"done {names(done)}, pending {names(pending)}, b cancelled {tf(tasks[1].cancelled())}")
    await tasks[1]
    log("b finished on its own")

run(main())
