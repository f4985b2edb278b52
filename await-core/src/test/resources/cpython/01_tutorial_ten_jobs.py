# Tutorial §3: ten jobs gathered; results come back in argument order and the run takes 9 s.
import asyncio
from vloop import run, log, fmt_list


async def job(n):
    acc = sum(i * i for i in range(n * 1000))  # CPU-bound simulation
    await asyncio.sleep(n)                     # I/O-bound simulation
    return acc


async def main():
    log("started")
    tasks = [asyncio.create_task(job(i)) for i in range(10)]
    results = await asyncio.gather(*tasks)
    log(f"results {fmt_list(results)}")
    log("finished")

run(main())
