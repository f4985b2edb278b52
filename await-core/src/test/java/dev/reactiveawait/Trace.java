package dev.reactiveawait;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Collects a scenario's trace in the format of {@code cpython/vloop.py}'s {@code log}:
 * {@code "<loop time in seconds, 3 decimals> <message>"}, and compares it with the trace CPython
 * printed for the same scenario ({@code /cpython/NN_name.out} on the test classpath).
 *
 * <p>Works in task bodies and in loop callbacks alike, since {@link Async#currentLoop()} does.
 */
final class Trace {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    /** Appends {@code msg}, stamped with the running loop's time. */
    void log(String msg) {
        lines.add(String.format(Locale.ROOT, "%.3f %s", Async.currentLoop().time() / 1e9, msg));
    }

    /** The lines logged so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Asserts that the trace equals CPython's trace of {@code scenario}, line by line. */
    void assertMatches(String scenario) {
        List<String> expected = expected(scenario);
        assertThat(lines())
                .as("trace of scenario %s (expected: CPython's cpython/%s.out)", scenario, scenario)
                .containsExactly(expected.toArray(String[]::new));
    }

    /** The lines of {@code /cpython/<scenario>.out}. */
    static List<String> expected(String scenario) {
        String resource = "/cpython/" + scenario + ".out";
        try (InputStream in = Trace.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing test resource " + resource
                        + " (regenerate it: see cpython/README.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
