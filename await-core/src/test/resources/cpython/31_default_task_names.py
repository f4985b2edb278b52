# Default task names are Task-N with consecutive N; a name given at creation or set later wins.
import asyncio
from vloop import run, log, tf


async def noop():
    pass


async def main():
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop())
    named = asyncio.create_task(noop(), name="given")
    na, nb = a.get_name(), b.get_name()
    log(f"default prefix {tf(na.startswith('Task-') and nb.startswith('Task-'))}")
    log(f"consecutive {tf(int(nb[len('Task-'):]) == int(na[len('Task-'):]) + 1)}")
    log(f"given name {named.get_name()}")
    a.set_name("renamed")
    log(f"after set_name {a.get_name()}")
    await asyncio.gather(a, b, named)

run(main())
