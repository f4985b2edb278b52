package dev.reactiveawait.internal;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The loops behind a host library's scheduler made from one loop or a {@link LoopGroup} (both
 * bridges' {@code scheduler(...)}): where the next direct task or worker goes (always the same loop,
 * or the group's next, round-robin) and whose clock {@code now()} reads (a group's first loop).
 *
 * <p>Not API: exported to the bridges only.
 */
public final class SchedulerLoops {
    /** The one loop, or the group's first (the clock). */
    private final EventLoop loop;
    private final @Nullable LoopGroup group;

    private SchedulerLoops(EventLoop loop, @Nullable LoopGroup group) {
        this.loop = loop;
        this.group = group;
    }

    /**
     * A scheduler on one loop.
     *
     * @param loop the loop
     * @return its loops
     * @throws NullPointerException if {@code loop} is {@code null}
     */
    public static SchedulerLoops of(EventLoop loop) {
        return new SchedulerLoops(Objects.requireNonNull(loop, "loop"), null);
    }

    /**
     * A scheduler over a group.
     *
     * @param group the group
     * @return its loops
     * @throws NullPointerException if {@code group} is {@code null}
     */
    public static SchedulerLoops of(LoopGroup group) {
        Objects.requireNonNull(group, "group");
        return new SchedulerLoops(group.loops().get(0), group);
    }

    /**
     * The loop of the next direct task or worker.
     *
     * @return the one loop, or the group's next
     */
    public EventLoop next() {
        LoopGroup g = group;
        return g == null ? loop : g.next();
    }

    /**
     * The scheduler's clock: nanoseconds from the loop's own origin (0 for a virtual clock), not
     * the epoch.
     *
     * @param unit the unit wanted
     * @return the loop's time (a group's first loop) in {@code unit}
     */
    public long now(TimeUnit unit) {
        return unit.convert(loop.time(), TimeUnit.NANOSECONDS);
    }

    /** The loop or the group, as it prints itself. */
    @Override
    public String toString() {
        return String.valueOf(group != null ? group : loop);
    }
}
