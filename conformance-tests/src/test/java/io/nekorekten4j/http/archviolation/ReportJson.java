package io.nekorekten4j.http.archviolation;

import io.nekorekten4j.domain.ReportId;

/** Keeps {@code wire_dtos_stay_package_private} and the adapter rule: package-private, uses only the domain. Test-only. */
final class ReportJson {

    String id;

    ReportId toDomain() {
        return ReportId.of(id);
    }
}
