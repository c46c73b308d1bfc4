package io.nekorekten4j.http;

/**
 * The validation step: the call's own checks against the service's rules (e.g. the number of
 * files in an upload) run before anything else, so a bad call throws a
 * {@link io.nekorekten4j.domain.ValidationException}, is not observed as a call, sends nothing and
 * spends no quota. The arguments' values were checked when they were built (the domain's types
 * validate themselves) and their presence when the client's method was called.
 */
final class ValidationPolicy implements Pipeline.Step {

    @Override
    public <T> T handle(Pipeline.Link<T> link) {
        link.run().call().validation().run();
        return link.proceed();
    }
}
