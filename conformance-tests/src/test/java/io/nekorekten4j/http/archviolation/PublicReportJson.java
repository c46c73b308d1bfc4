package io.nekorekten4j.http.archviolation;

/** Breaks {@code wire_dtos_stay_package_private}: a public wire DTO. Test-only. */
public final class PublicReportJson {

    /** The report's id on the wire. */
    public String id;
}
