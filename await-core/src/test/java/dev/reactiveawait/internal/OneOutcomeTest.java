package dev.reactiveawait.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upstream and the outcome that both bridges' await subscribers share. */
class OneOutcomeTest {
    private final List<String> trace = new ArrayList<>();

    private final OneOutcome<String> outcome = new OneOutcome<>() {
        @Override
        protected void cancel(Object upstream) {
            trace.add("cancel " + upstream);
        }

        @Override
        protected void discardHeld() {
            trace.add("discard held");
        }

        @Override
        protected void orphan() {
            trace.add("orphan");
        }

        @Override
        protected String describe() {
            return "awaitTest(Source)";
        }
    };

    @Test
    void theUpstreamIsCancelledOnceAndOnlyOnce() {
        assertThat(outcome.hasUpstream()).isFalse();
        assertThat(outcome.setUpstream("first")).isTrue();
        assertThat(outcome.setUpstream("second")).as("a second onSubscribe is refused").isFalse();
        assertThat(outcome.hasLeft()).isFalse();
        outcome.cancelUpstream();
        outcome.cancelUpstream();
        assertThat(outcome.hasLeft()).isTrue();
        assertThat(trace).containsExactly("cancel first");
    }

    @Test
    void leavingBeforeOnSubscribeRefusesTheUpstreamWhenItComes() {
        outcome.cancelUpstream(); // the awaiting task was cancelled during subscribe()
        assertThat(outcome.setUpstream("late")).isFalse();
        assertThat(outcome.hasLeft()).isTrue();
        assertThat(trace).as("the caller cancels the refused upstream itself").isEmpty();
    }

    @Test
    void theFirstSignalAfterLeavingReleasesWhatWasHeldAndAllLaterOnesAreLate() {
        outcome.setUpstream("up");
        assertThat(outcome.late()).isFalse();
        outcome.cancelUpstream();
        assertThat(outcome.late()).isTrue();
        assertThat(outcome.late()).isTrue();
        assertThat(outcome.isDone()).isTrue();
        assertThat(trace).containsExactly("cancel up", "discard held");
    }

    @Test
    void aValueOutcomeIsReturnedWithoutWaiting() {
        outcome.setUpstream("up");
        outcome.finish("value");
        assertThat(outcome.late()).as("nothing may follow the outcome").isTrue();
        assertThat(outcome.await(null)).isEqualTo("value");
        assertThat(outcome.result()).isEqualTo("value");
        assertThat(trace).isEmpty();
    }

    @Test
    void anErrorOutcomeIsThrownUnchangedEvenWhenChecked() {
        IOException failure = new IOException("source failed");
        outcome.setUpstream("up");
        outcome.fail(failure);
        assertThat(outcome.failure()).isSameAs(failure);
        assertThatThrownBy(() -> outcome.await(null)).isSameAs(failure);
    }
}
