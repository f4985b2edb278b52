package dev.reactiveawait.test;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.VirtualClock;
import java.lang.reflect.Method;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link AsyncTest}: creates the test's virtual-time loop (when a parameter
 * asks for it, or when the method starts), runs the method as its main task, and checks what was
 * left behind. Use {@link AsyncTest} rather than registering this class directly.
 *
 * @since 0.1
 */
public final class AsyncTestExtension implements InvocationInterceptor, ParameterResolver {
    /** The JUnit resource lock every {@link AsyncTest} holds: virtual time is global to the host libraries. */
    public static final String VIRTUAL_TIME_LOCK = "dev.reactiveawait.test.virtual-time";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsyncTestExtension.class);

    /** Called by JUnit. */
    public AsyncTestExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(context, "context");
        Class<?> type = parameter.getParameter().getType();
        return (type == EventLoop.class || type == VirtualClock.class || type == TestLoop.class)
                && parameter.getDeclaringExecutable() instanceof Method;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(context, "context");
        TestRun run = run(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == EventLoop.class) {
            return run.loop;
        }
        if (type == VirtualClock.class) {
            return run.clock;
        }
        if (type == TestLoop.class) {
            return run.testLoop;
        }
        throw new ParameterResolutionException("not a parameter of @AsyncTest: " + parameter);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(invocationContext, "invocationContext");
        Objects.requireNonNull(context, "context");
        run(context).run(invocation, context.getDisplayName());
    }

    private static TestRun run(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestRun run = store.get(TestRun.class, TestRun.class);
        if (run == null) {
            AsyncTest config = context.getTestMethod()
                    .flatMap(m -> AnnotationSupport.findAnnotation(m, AsyncTest.class))
                    .orElseThrow(() -> new IllegalStateException("AsyncTestExtension needs @AsyncTest on "
                            + context.getDisplayName()));
            run = new TestRun(config);
            store.put(TestRun.class, run);
        }
        return run;
    }
}
