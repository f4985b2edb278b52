package dev.reactiveawait.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@code jdk.internal.vm.Continuation}, the primitive under virtual threads, reached through method
 * handles at run time: the build compiles with {@code --release 21}, where javac refuses
 * {@code --add-exports}. The benchmark JVM needs
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}; without it the first use throws
 * {@link ExceptionInInitializerError} naming the flag.
 *
 * <p>The handles are {@code static final}, so the JIT treats them as constants and inlines through
 * them: the baseline pays the continuation's own cost, not reflection's.
 */
final class RawContinuation {
    static final String ADD_EXPORTS = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED";

    /** A {@code ContinuationScope}, typed as Object. */
    static final Object SCOPE;
    /** (Object scope, Runnable body) Object: {@code new Continuation(scope, body)}. */
    private static final MethodHandle NEW;
    /** (Object continuation) void: {@code continuation.run()}. */
    private static final MethodHandle RUN;
    /** (Object continuation) boolean: {@code continuation.isDone()}. */
    private static final MethodHandle IS_DONE;
    /** (Object scope) boolean: {@code Continuation.yield(scope)}. */
    private static final MethodHandle YIELD;

    static {
        try {
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Class<?> contClass = Class.forName("jdk.internal.vm.Continuation");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SCOPE = lookup.findConstructor(scopeClass, MethodType.methodType(void.class, String.class))
                    .invoke("benchmark");
            NEW = lookup.findConstructor(contClass, MethodType.methodType(void.class, scopeClass, Runnable.class))
                    .asType(MethodType.methodType(Object.class, Object.class, Runnable.class));
            RUN = lookup.findVirtual(contClass, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            IS_DONE = lookup.findVirtual(contClass, "isDone", MethodType.methodType(boolean.class))
                    .asType(MethodType.methodType(boolean.class, Object.class));
            YIELD = lookup.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass))
                    .asType(MethodType.methodType(boolean.class, Object.class));
        } catch (Throwable e) {
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "jdk.internal.vm.Continuation is not accessible: run the JVM with " + ADD_EXPORTS, e));
        }
    }

    private RawContinuation() {}

    static Object create(Runnable body) {
        try {
            return (Object) NEW.invokeExact(SCOPE, body);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static void run(Object continuation) {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static boolean isDone(Object continuation) {
        try {
            return (boolean) IS_DONE.invokeExact(continuation);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Called inside a continuation's body: suspends it; {@link #run} resumes it here. */
    static void yieldNow() {
        try {
            boolean ignored = (boolean) YIELD.invokeExact(SCOPE);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }
}
