package dev.reactiveawait.blockhound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.apicheck.NullRejection;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of {@code dev.reactiveawait.blockhound} rejects {@code null}
 * in each parameter not declared {@code @Nullable}, with a {@link NullPointerException} whose
 * message is the parameter's name (issue #7, "Misuse").
 */
class NullRejectionTest {

    @Test
    void everyPublicMethodOfTheBlockHoundIntegrationRejectsNullNamingTheParameter() {
        NullRejection check = NullRejection.ofPackagesOf(ReactiveAwaitBlockHoundIntegration.class);
        NullRejection.Report r = check.run();

        assertThat(r.failures()).isEmpty();
        assertThat(r.checked()).containsExactly("ReactiveAwaitBlockHoundIntegration.applyTo(null builder)");
    }
}
