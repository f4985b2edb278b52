package dev.reactiveawait;

/**
 * An await of work done on another thread (a {@code CompletionStage}, a Reactor or RxJava signal):
 * while one is open, a loop on a virtual clock waits for it instead of jumping to the next timer.
 * Loop-only; {@link #end()} is idempotent, so both the completion and the cancellation may call it.
 */
final class ExternalWait {
    private final EventLoop loop;
    private boolean open = true;

    ExternalWait(EventLoop loop) {
        this.loop = loop;
        loop.externalWaitStarted();
    }

    void end() {
        if (open) {
            open = false;
            loop.externalWaitEnded();
        }
    }
}
