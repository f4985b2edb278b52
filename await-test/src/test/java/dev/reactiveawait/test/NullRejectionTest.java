package dev.reactiveawait.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.apicheck.NullRejection;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of {@code dev.reactiveawait.test} rejects {@code null} in
 * each parameter not declared {@code @Nullable}, with a {@link NullPointerException} whose message
 * is the parameter's name (issue #7, "Misuse"). JUnit never passes {@code null} to an extension;
 * the check keeps a direct caller's mistake from surfacing deep inside a test run.
 */
class NullRejectionTest {

    @Test
    void everyPublicMethodOfAwaitTestRejectsNullNamingTheParameter() {
        NullRejection check = NullRejection.ofPackagesOf(AsyncTestExtension.class)
                .value(TestLoop.class, s -> s.closeAfterRun(TestLoop.create()));
        NullRejection.Report r = check.run();

        assertThat(r.failures()).isEmpty();
        assertThat(check.classes()).contains(AsyncTestExtension.class, TestLoop.class);
        assertThat(r.checked()).contains(
                "TestLoop.of(null loop)",
                "TestLoop.advanceBy(null delta)",
                "AsyncTestExtension.supportsParameter(null parameter, ExtensionContext)",
                "AsyncTestExtension.interceptTestMethod(Invocation, ReflectiveInvocationContext, null context)");
    }
}
