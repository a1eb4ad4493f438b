package org.jiraq.simulator.model;

import java.time.Instant;

/**
 * A file attached to an issue. The simulator keeps what identifies the upload, not its bytes, so tests can upload
 * hundreds of megabytes.
 *
 * @param size   the number of bytes received
 * @param sha256 the SHA-256 of those bytes, lower-case hex
 */
public record Attachment(long id, String filename, String mimeType, long size, String sha256, SimulatorUser author,
        Instant created) {
}
