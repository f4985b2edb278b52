# gather(return_exceptions=True) / gatherSettled waits for all and reports each outcome in order.
import asyncio
from vloop import run, log, fmt_list


async def job(delay, value, error=None):
    await asyncio.sleep(delay)
    if error:
        log(f"job {value} fails")
        raise ValueError(error)
    log(f"job {value} succeeds")
    return value


def describe(outcome):
    return f"error: {outcome}" if isinstance(outcome, BaseException) else f"value: {outcome}"


async def main():
    tasks = [asyncio.create_task(job(3, 1)),
             asyncio.create_task(job(1, 2, "boom")),
             asyncio.create_task(job(2, 3))]
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    log(f"outcomes {fmt_list(describe(o) for o in outcomes)}")

run(main())
