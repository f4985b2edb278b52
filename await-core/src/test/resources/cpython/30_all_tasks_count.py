# all_tasks() holds every not-yet-done task of the loop, including main and tasks not started yet.
import asyncio
from vloop import run, log


async def sleeper(delay):
    await asyncio.sleep(delay)


async def main():
    log(f"at start {len(asyncio.all_tasks())}")
    tasks = [asyncio.create_task(sleeper(d), name=f"s{d}") for d in [1, 2, 3]]
    log(f"after creating 3 {len(asyncio.all_tasks())}")
    log(f"includes main {'yes' if asyncio.current_task() in asyncio.all_tasks() else 'no'}")
    await asyncio.sleep(1.5)
    names = sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task())
    log(f"at 1.5 {len(asyncio.all_tasks())} others {names[0]} {names[1]}")
    await tasks[2]
    log(f"at end {len(asyncio.all_tasks())}")

run(main())
