package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A loop on a thread of its own for each test, and RxJava's error hook watched: an error sent to
 * {@code RxJavaPlugins.onError} without the test taking it with {@link #takeErrors()} fails the
 * test.
 */
@Timeout(10)
abstract class BridgeTestBase {
    private PluginErrors pluginErrors;
    LoopThread loopThread;
    EventLoop loop;

    @BeforeEach
    void startLoopAndWatchPluginErrors() {
        pluginErrors = PluginErrors.watch();
        loopThread = new LoopThread(getClass().getSimpleName() + "-loop");
        loop = loopThread.loop;
    }

    @AfterEach
    void stopLoopAndCheckNoStrayError() {
        try {
            loopThread.close();
        } finally {
            pluginErrors.checkNoneAndStop();
        }
    }

    /** The errors sent to {@code RxJavaPlugins.onError} so far, which the test expected. */
    List<Throwable> takeErrors() {
        return pluginErrors.take();
    }
}
