package io.nekorekten4j.ports.archviolation;

import java.net.http.HttpResponse;

/**
 * Breaks {@code no_http_json_or_resilience_type_in_public_signatures_of_ports_or_domain} (but not
 * the ports' dependency rule: {@code java.net.http} is in the JDK). Test-only.
 */
public interface PortExposingAnHttpResponse {

    /** An HTTP type in a port's signature. */
    HttpResponse<String> rawSearch(String phone);
}
