# gather returns results in argument order, not in completion order.
import asyncio
from vloop import run, log, fmt_list


async def job(name, delay, value):
    await asyncio.sleep(delay)
    log(f"{name} finished")
    return value


async def main():
    a = asyncio.create_task(job("a", 3, 10))
    b = asyncio.create_task(job("b", 1, 20))
    c = asyncio.create_task(job("c", 2, 30))
    results = await asyncio.gather(a, b, c)
    log(f"results {fmt_list(results)}")

run(main())
