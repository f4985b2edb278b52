# A child may add children to its group; the group waits for those too.
import asyncio
from vloop import run, log


async def main():
    async with asyncio.TaskGroup() as g:
        async def late():
            await asyncio.sleep(2)
            log("late ends")

        async def spawner():
            await asyncio.sleep(1)
            log("spawner adds late")
            g.create_task(late())
            log("spawner ends")

        g.create_task(spawner())
        log("body end")
    log("group done")

run(main())
