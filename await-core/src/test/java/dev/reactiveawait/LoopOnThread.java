package dev.reactiveawait;

import java.util.concurrent.CompletableFuture;

/**
 * A loop that runs forever ({@link EventLoop#runForever()}) on a daemon platform thread of its
 * own, for tests that talk to a running loop from other threads. The constructor returns once the
 * loop runs; {@link #close()} stops it, waits for its thread, rethrows what {@code runForever}
 * threw, and closes the loop.
 */
final class LoopOnThread implements AutoCloseable {
    final EventLoop loop;
    final Thread thread;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    LoopOnThread(String threadName, LoopClock clock) {
        EventLoop l = EventLoop.create(clock);
        this.loop = l;
        CompletableFuture<Void> end = ended;
        this.thread = Thread.ofPlatform().daemon().name(threadName).start(() -> {
            try {
                l.runForever();
                end.complete(null);
            } catch (Throwable e) {
                end.completeExceptionally(e);
            }
        });
        loop.submit(() -> null).join(); // a task ran: the loop is running from here on
    }

    @Override
    public void close() {
        loop.stop();
        ended.join();
        boolean interrupted = false;
        for (;;) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        loop.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
