package io.voxprint.store;

import java.util.List;
import java.util.Map;

/**
 * What an archive import added: the stored names of the new speakers, the names changed to avoid a
 * clash (archive name to stored name; empty under {@link ClashPolicy#REFUSE}) and the number of
 * enrollments.
 */
public record ImportResult(List<String> speakers, Map<String, String> renamed, int enrollments) {
}
