package dev.reactiveawait.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The reflective check finds each way of getting null wrong, so a green module test means something. */
class NullRejectionSelfTest {

    /** One method per outcome the check must tell apart. */
    public static final class Fixture {
        public Fixture(String name) {
            Objects.requireNonNull(name, "name");
        }

        public static void checks(String first, String second) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        public static void ignores(String value) {}

        public static void namesTheWrongParameter(String value) {
            Objects.requireNonNull(value, "item");
        }

        public static int dereferences(String value) {
            return value.length();
        }

        public static void acceptsNull(@Nullable String value) {}

        public static <T extends @Nullable Object> void nullableTypeVariable(T value) {}

        public static <T> void plainTypeVariable(T value) {}
    }

    @Test
    void reportsEveryParameterThatDoesNotThrowTheNpeNamingIt() {
        NullRejection.Report r = NullRejection.ofClasses(Fixture.class).run();

        assertThat(r.failures()).hasSize(4);
        assertThat(r.failures()).anySatisfy(f -> assertThat(f).startsWith("Fixture.dereferences(null value): "
                + "NullPointerException with message \"Cannot invoke \"String.length()\" because \"value\" is null\", "
                + "expected \"value\""));
        assertThat(r.failures()).anySatisfy(f -> assertThat(f).isEqualTo("Fixture.ignores(null value): returned normally"));
        assertThat(r.failures()).anySatisfy(f -> assertThat(f).startsWith("Fixture.namesTheWrongParameter(null value): "
                + "NullPointerException with message \"item\", expected \"value\""));
        assertThat(r.failures()).anySatisfy(f -> assertThat(f).isEqualTo(
                "Fixture.plainTypeVariable(null value): returned normally"));
        assertThat(r.checked()).contains(
                "Fixture(null name)",
                "Fixture.checks(null first, String)",
                "Fixture.checks(String, null second)");
        assertThat(r.nullable()).containsExactlyInAnyOrder(
                "Fixture.acceptsNull(null value)",
                "Fixture.nullableTypeVariable(null value)");
    }
}
