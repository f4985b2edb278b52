package dev.reactiveawait.examples;

import dev.reactiveawait.Async;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Where an example prints, and its wall clock: {@code time.strftime('%X')} is the time the
 * example started plus the loop's elapsed time, so that under a virtual clock the printed times
 * move exactly as far as the sleeps say.
 *
 * @param out receives each printed line
 * @param startedAt the wall-clock time at loop time 0
 */
public record Console(Consumer<String> out, LocalTime startedAt) {
    private static final DateTimeFormatter STRFTIME_X = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * Prints to standard output, with the real time of day.
     *
     * @return a console for {@code main} methods
     */
    public static Console system() {
        return new Console(System.out::println, LocalTime.now());
    }

    /**
     * Prints a line.
     *
     * @param line the line
     */
    public void print(String line) {
        out.accept(line);
    }

    /**
     * Python's {@code time.strftime('%X')} on the running loop's clock.
     *
     * @return the time of day as {@code HH:mm:ss}
     */
    public String strftimeX() {
        return startedAt.plusNanos(Async.currentLoop().time()).format(STRFTIME_X);
    }
}
