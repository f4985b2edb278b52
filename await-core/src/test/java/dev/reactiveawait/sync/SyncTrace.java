package dev.reactiveawait.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The sync package's copy of {@code dev.reactiveawait.Trace} (package-private there): collects a
 * trace in the format of {@code cpython/vloop.py}'s {@code log} ({@code "<loop seconds, 3
 * decimals> <message>"}) and compares it with {@code /cpython/sync/NN_name.out}.
 */
final class SyncTrace {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    /** Appends {@code msg}, stamped with the running loop's time. */
    void log(String msg) {
        lines.add(String.format(Locale.ROOT, "%.3f %s", Async.currentLoop().time() / 1e9, msg));
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Asserts that the trace equals CPython's trace of {@code scenario}, line by line. */
    void assertMatches(String scenario) {
        List<String> expected = expected(scenario);
        assertThat(lines())
                .as("trace of scenario %s (expected: cpython/sync/%s.out)", scenario, scenario)
                .containsExactly(expected.toArray(String[]::new));
    }

    static List<String> expected(String scenario) {
        String resource = "/cpython/sync/" + scenario + ".out";
        try (InputStream in = SyncTrace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource + " (see cpython/sync/README.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The part of our exception message that is asyncio's text: our messages are asyncio's,
     * followed by a hint in parentheses that names the fix ({@code "Lock is not acquired. (release()
     * must follow ...)"}).
     */
    static String asyncioText(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int hint = m.indexOf(" (");
        return hint < 0 ? m : m.substring(0, hint);
    }
}
