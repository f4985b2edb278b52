package dev.reactiveawait.apicheck;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The reflective check behind every module's {@code NullRejectionTest} (issue #7, "Misuse"): each
 * public constructor and public method of each public class of the given packages is called once
 * per reference parameter that is not JSpecify-{@code @Nullable}, with {@code null} in that place
 * and valid values elsewhere, inside a task of a fresh loop on a virtual clock. The call must throw
 * a {@link NullPointerException} whose message is exactly the parameter's name (our one format:
 * {@code Objects.requireNonNull(delay, "delay")}).
 *
 * <p>A parameter whose type is a type variable with a {@code @Nullable} bound
 * ({@code <T extends @Nullable Object>}) takes {@code null} whenever the caller's type argument
 * does (a {@code Promise<@Nullable String>}), so it is not checked; one with a plain bound is.
 * Methods inherited from other libraries ({@code Iterable.forEach}) and {@code equals} are not ours
 * and not checked; nor are abstract methods, which users implement.
 *
 * <p>Dummy values: the running loop, a completed task, a pending promise, a virtual clock,
 * durations, strings, enums' first constants, {@link Proxy} implementations of any interface
 * (returning zero, {@code false} or {@code null}); a module adds its own types with
 * {@link #value}. Objects that need closing ({@code TaskGroup}, {@code Timeout}) are registered
 * with {@link Scope#closeLater}.
 */
public final class NullRejection {

    /** Per-call context for value factories: runs inside the task that makes the call. */
    public static final class Scope {
        private final EventLoop loop;
        private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
        private final Deque<AutoCloseable> toCloseAfterRun;

        private Scope(EventLoop loop, Deque<AutoCloseable> toCloseAfterRun) {
            this.loop = loop;
            this.toCloseAfterRun = toCloseAfterRun;
        }

        /** The running loop the call happens on. */
        public EventLoop loop() {
            return loop;
        }

        /** Closes {@code c} after the call (in reverse order of registration). */
        public <C extends AutoCloseable> C closeLater(C c) {
            toClose.push(c);
            return c;
        }

        /** Closes {@code c} once the call's loop has stopped, outside it (another loop, say). */
        public <C extends AutoCloseable> C closeAfterRun(C c) {
            toCloseAfterRun.push(c);
            return c;
        }

        private void close() throws Exception {
            while (!toClose.isEmpty()) {
                toClose.pop().close();
            }
        }
    }

    /**
     * What a run found.
     *
     * @param checked every "Class.method(param)" called with null there
     * @param nullable every "Class.method(param)" skipped because it is declared {@code @Nullable}
     * @param failures one line per call that did not throw the NPE naming its parameter
     */
    public record Report(List<String> checked, List<String> nullable, List<String> failures) {}

    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Class<?>> classes;
    private final String rootPackage;
    private final Map<Class<?>, Function<Scope, ?>> values = new LinkedHashMap<>();

    private NullRejection(List<Class<?>> classes, String rootPackage) {
        this.classes = classes;
        this.rootPackage = rootPackage;
        value(EventLoop.class, Scope::loop);
        value(LoopClock.class, s -> LoopClock.virtual());
        value(dev.reactiveawait.VirtualClock.class, s -> LoopClock.virtual());
        value(Task.class, s -> doneTask());
        value(Promise.class, s -> Promise.create(s.loop()));
        value(dev.reactiveawait.Awaitable.class, s -> doneTask());
        value(Duration.class, s -> Duration.ofSeconds(1));
        value(String.class, s -> "x");
        value(Object.class, s -> "x");
        value(Throwable.class, s -> new IllegalStateException("dummy"));
        value(Executor.class, s -> Runnable::run);
        value(Collection.class, s -> List.of(doneTask()));
        value(List.class, s -> List.of());
        value(Set.class, s -> Set.of());
        value(Comparator.class, s -> Comparator.naturalOrder());
        value(dev.reactiveawait.TaskGroup.class, s -> s.closeLater(dev.reactiveawait.TaskGroup.open()));
        value(dev.reactiveawait.Timeout.class, s -> s.closeLater(Async.timeout(Duration.ofHours(1))));
        value(dev.reactiveawait.TaskLocal.class, s -> dev.reactiveawait.TaskLocal.named("dummy"));
        value(dev.reactiveawait.LoopGroup.class, s -> s.closeAfterRun(dev.reactiveawait.LoopGroup.create(1, LoopClock::virtual)));
    }

    /**
     * Every public class (top-level or nested in a public class) of the packages of
     * {@code anchors}, found in the directory or jar each anchor was loaded from.
     *
     * @param anchors one class per package to check
     * @return the check, ready to {@link #run()}
     */
    public static NullRejection ofPackagesOf(Class<?>... anchors) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            found.addAll(publicClassesOfPackage(anchor));
        }
        List<Class<?>> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(Class::getName));
        return new NullRejection(sorted, "dev.reactiveawait");
    }

    /** The check for exactly {@code classes} (the harness's own tests use it). */
    static NullRejection ofClasses(Class<?>... classes) {
        return new NullRejection(List.of(classes), classes[0].getPackageName());
    }

    /**
     * Registers how to make a valid value of {@code type} (also used for subtypes' parameters
     * whose declared type is exactly {@code type}).
     *
     * @return this
     */
    public <T> NullRejection value(Class<T> type, Function<Scope, ? extends T> factory) {
        values.put(type, factory);
        return this;
    }

    /** The classes this check covers. */
    public List<Class<?>> classes() {
        return classes;
    }

    /** Runs every call; each on a fresh virtual-time loop, inside its main task. */
    public Report run() {
        List<String> checked = new ArrayList<>();
        List<String> nullable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Executable e : executablesOf(c)) {
                Parameter[] params = paramsWithNames(c, e);
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getType().isPrimitive()) {
                        continue;
                    }
                    String where = describe(c, e, params, i);
                    if (!params[i].isNamePresent()) {
                        failures.add(where + ": no parameter names; compile with -parameters");
                        continue;
                    }
                    if (acceptsNull(params[i])) {
                        nullable.add(where);
                        continue;
                    }
                    checked.add(where);
                    String failure = callWithNull(c, e, i, params[i].getName());
                    if (failure != null) {
                        failures.add(where + ": " + failure);
                    }
                }
            }
        }
        return new Report(checked, nullable, failures);
    }

    // ---------------------------------------------------------------- enumeration

    private static List<Class<?>> publicClassesOfPackage(Class<?> anchor) {
        String pkg = anchor.getPackageName();
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(root)) {
                names.addAll(classNamesIn(root.resolve(pkg.replace('.', '/')), pkg));
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(root)) {
                    names.addAll(classNamesIn(jar.getPath(pkg.replace('.', '/')), pkg));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Class<?>> result = new ArrayList<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (isPublicApi(c) && c.getModule().isExported(pkg)) {
                result.add(c);
            }
        }
        return result;
    }

    private static List<String> classNamesIn(Path dir, String pkg) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.equals("package-info.class") && !n.equals("module-info.class"))
                    .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()).replace('$', '.'))
                    .map(n -> binaryName(n, pkg))
                    .toList();
        }
    }

    /** {@code pkg.Outer.Inner} back to the binary name {@code pkg.Outer$Inner}. */
    private static String binaryName(String dotted, String pkg) {
        return pkg + "." + dotted.substring(pkg.length() + 1).replace('.', '$');
    }

    private static boolean isPublicApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return !c.isAnnotation();
    }

    private List<Executable> executablesOf(Class<?> c) {
        List<Executable> result = new ArrayList<>();
        if (!Modifier.isAbstract(c.getModifiers()) && !c.isEnum()) {
            result.addAll(Arrays.asList(c.getConstructors()));
        }
        Set<String> seen = new LinkedHashSet<>();
        Method[] methods = c.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
        for (Method m : methods) {
            if (Modifier.isAbstract(m.getModifiers())
                    || !m.getDeclaringClass().getPackageName().startsWith(rootPackage)
                    || (m.getName().equals("equals") && m.getParameterCount() == 1)
                    || (c.isEnum() && m.getName().equals("valueOf"))
                    || (m.isBridge() && original(m) == null)
                    || !seen.add(m.getName() + Arrays.toString(m.getParameterTypes()))) {
                continue;
            }
            result.add(m);
        }
        return result;
    }

    /** For a visibility bridge (public method of a package-private superclass): the real method. */
    private static @Nullable Method original(Method bridge) {
        for (Class<?> k = bridge.getDeclaringClass().getSuperclass(); k != null; k = k.getSuperclass()) {
            try {
                Method m = k.getDeclaredMethod(bridge.getName(), bridge.getParameterTypes());
                if (!m.isBridge()) {
                    return m;
                }
            } catch (NoSuchMethodException next) {
                // keep looking up
            }
        }
        return null;
    }

    /** The parameters as declared (a bridge carries neither names nor type annotations). */
    private static Parameter[] paramsWithNames(Class<?> c, Executable e) {
        if (e instanceof Method m && m.isBridge()) {
            return Objects.requireNonNull(original(m)).getParameters();
        }
        return e.getParameters();
    }

    private static boolean acceptsNull(Parameter p) {
        AnnotatedType t = p.getAnnotatedType();
        if (isNullable(t)) {
            return true;
        }
        if (t.getType() instanceof TypeVariable<?> v) {
            for (AnnotatedType bound : v.getAnnotatedBounds()) {
                if (isNullable(bound)) {
                    return true; // <T extends @Nullable Object>: null whenever T is nullable
                }
            }
        }
        return false;
    }

    private static boolean isNullable(AnnotatedType t) {
        return Arrays.stream(t.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals("org.jspecify.annotations.Nullable"));
    }

    private static String describe(Class<?> c, Executable e, Parameter[] params, int nullAt) {
        StringBuilder sb = new StringBuilder(c.getSimpleName());
        if (e instanceof Method m) {
            sb.append('.').append(m.getName());
        }
        sb.append('(');
        for (int i = 0; i < params.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(i == nullAt ? "null " + params[i].getName() : params[i].getType().getSimpleName());
        }
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------- calling

    /** Calls {@code e} with null at {@code nullAt}; returns what went wrong, or {@code null}. */
    private @Nullable String callWithNull(Class<?> c, Executable e, int nullAt, String name) {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        Deque<AutoCloseable> afterRun = new ArrayDeque<>();
        try {
            Throwable thrown = loop.runUntilComplete(() -> {
                Scope scope = new Scope(loop, afterRun);
                try {
                    Object receiver = e instanceof Method m && !Modifier.isStatic(m.getModifiers())
                            ? valueOf(c, scope) : null;
                    Class<?>[] types = e.getParameterTypes();
                    Object[] args = new Object[types.length];
                    for (int i = 0; i < types.length; i++) {
                        args[i] = i == nullAt ? null : valueOf(types[i], scope);
                    }
                    if (e instanceof Method m) {
                        callable(c, m).invoke(receiver, args);
                    } else {
                        ((Constructor<?>) e).newInstance(args);
                    }
                    return null;
                } catch (InvocationTargetException ite) {
                    return ite.getCause();
                } finally {
                    scope.close();
                }
            });
            if (thrown == null) {
                return "returned normally";
            }
            if (!(thrown instanceof NullPointerException)) {
                return "threw " + thrown;
            }
            if (!name.equals(thrown.getMessage())) {
                return "NullPointerException with message \"" + thrown.getMessage() + "\", expected \"" + name + "\""
                        + " (at " + (thrown.getStackTrace().length > 0 ? thrown.getStackTrace()[0] : "?") + ")";
            }
            return null;
        } catch (Unsupported u) {
            return u.getMessage();
        } catch (Throwable t) {
            return "the call's setup or cleanup failed: " + t;
        } finally {
            loop.close();
            for (AutoCloseable leftover : afterRun) {
                try {
                    leftover.close();
                } catch (Exception failure) {
                    throw new IllegalStateException("cannot close " + leftover, failure);
                }
            }
        }
    }

    /**
     * {@code m} itself, or, for a public method that {@code c} inherits from a package-private
     * class (javac writes no visibility bridge for a {@code final} one), the same method of a
     * public interface of {@code c}: the way a reflective caller outside the package reaches it.
     */
    private static Method callable(Class<?> c, Method m) {
        if (Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
            return m;
        }
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                try {
                    return i.getMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException next) {
                    // try the next interface
                }
            }
        }
        return m;
    }

    private Object valueOf(Class<?> type, Scope scope) {
        if (type.isPrimitive()) {
            return primitive(type);
        }
        Function<Scope, ?> f = values.get(type);
        if (f != null) {
            return Objects.requireNonNull(f.apply(scope), type.getName());
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        }
        if (type.isInterface()) {
            return dummyInterface(type);
        }
        try {
            Constructor<?> noArgs = type.getConstructor();
            return noArgs.newInstance();
        } catch (ReflectiveOperationException ignored) {
            throw new Unsupported("no dummy value for " + type.getName() + ": register one with value(...)");
        }
    }

    private static Object primitive(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == float.class) {
            return 1.0f;
        }
        if (type == byte.class) {
            return (byte) 1;
        }
        if (type == short.class) {
            return (short) 1;
        }
        return 1;
    }

    /** Any interface: methods return zero, false or null; Object's methods behave. */
    private static Object dummyInterface(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "equals" -> args != null && args.length == 1 ? proxy == args[0] : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "dummy " + type.getSimpleName();
                    default -> method.getReturnType().isPrimitive() && method.getReturnType() != void.class
                            ? zero(method.getReturnType())
                            : null;
                });
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        if (primitive == float.class) {
            return 0.0f;
        }
        if (primitive == char.class) {
            return (char) 0;
        }
        if (primitive == byte.class) {
            return (byte) 0;
        }
        if (primitive == short.class) {
            return (short) 0;
        }
        return 0;
    }

    private static Task<Object> doneTask() {
        EventLoop loop = Async.currentLoop();
        Task<Object> t = loop.createTask(() -> "done");
        Async.await(t);
        return t;
    }
}
