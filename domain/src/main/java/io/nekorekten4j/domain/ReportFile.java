package io.nekorekten4j.domain;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A file attached to a report, as the service returns it.
 *
 * @param id         its id, when the service gave one
 * @param previewUrl where to see it, resolved against the service's base URI
 * @param name       its name, when the service gave one
 */
public record ReportFile(Optional<FileId> id, Optional<URI> previewUrl, Optional<String> name) {

    /** Requires the optionals themselves. */
    public ReportFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(previewUrl, "previewUrl");
        Objects.requireNonNull(name, "name");
    }

    /** The parts, the name {@linkplain ServerText sanitised}: it is the server's text. */
    @Override
    public String toString() {
        return "ReportFile[id=" + id.map(FileId::value).orElse("none") + ", previewUrl="
                + previewUrl.map(u -> ServerText.sanitise(u.toString(), 300)).orElse("none")
                + ", name=" + name.map(n -> ServerText.sanitise(n, 100)).orElse("none") + "]";
    }
}
