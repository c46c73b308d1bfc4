package io.nekorekten4j.proxy.archviolation;

import io.nekorekten4j.http.archviolation.HttpPart;

/** Breaks {@code no_adapter_depends_on_another_adapter}: a "proxy" adapter that uses the HTTP adapter. Test-only. */
public final class ProxyAdapterUsingHttp {

    private ProxyAdapterUsingHttp() {
    }

    static String delegateName() {
        return HttpPart.name();
    }
}
