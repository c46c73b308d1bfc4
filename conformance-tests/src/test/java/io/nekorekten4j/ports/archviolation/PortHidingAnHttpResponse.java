package io.nekorekten4j.ports.archviolation;

import java.net.http.HttpResponse;
import java.util.Optional;

/** Keeps {@code no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain}: the HTTP type is private. Test-only. */
public final class PortHidingAnHttpResponse {

    private Optional<HttpResponse<String>> last = Optional.empty();

    /** Only a string leaves this class. */
    public String lastBody() {
        return last.map(HttpResponse::body).orElse("");
    }
}
