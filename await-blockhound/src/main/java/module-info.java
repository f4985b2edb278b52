/**
 * BlockHound integration of reactive-await: an event loop's task steps and callbacks are
 * non-blocking contexts, so a blocking call there is reported. Found by BlockHound's
 * {@code ServiceLoader}; nothing to call.
 */
module dev.reactiveawait.blockhound {
    requires dev.reactiveawait.core;
    requires reactor.blockhound;
    requires static org.jspecify;

    provides reactor.blockhound.integration.BlockHoundIntegration
            with dev.reactiveawait.blockhound.ReactiveAwaitBlockHoundIntegration;
}
