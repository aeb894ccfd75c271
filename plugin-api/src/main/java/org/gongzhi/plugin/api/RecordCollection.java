package org.gongzhi.plugin.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A named collection of one plugin's records in one tenant, obtained from {@link PluginStorage}.
 * Everything it reads and writes belongs to that tenant and model only.
 *
 * <p>Implemented by the core; called by plugins. Methods are thread-safe and block on the
 * database; each call is its own transaction.
 *
 * @since 1.0
 */
@ProviderType
public interface RecordCollection {

    /** Largest page {@link #find} returns. */
    int MAX_LIMIT = 500;

    /**
     * Creates or replaces a record.
     *
     * @param id              {@code [A-Za-z0-9._:-]{1,100}}
     * @param data            JSON-like values (see {@link PluginRecord#data()}), at most 256 KiB as JSON
     * @param refs            searchable {@code name=value} strings, each at most 200 characters
     * @param expectedVersion null to write unconditionally, 0 to require that the record does not
     *                        exist yet, n to require that its current version is n
     * @return the record as stored
     * @throws IllegalArgumentException for a bad id, data or refs
     * @throws IllegalStateException    when {@code expectedVersion} does not match
     */
    PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion);

    Optional<PluginRecord> get(String id);

    /**
     * Records that carry {@code ref} (all records when null), oldest first.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     */
    List<PluginRecord> find(String ref, int offset, int limit);

    /** Number of records that carry {@code ref} (all when null). */
    long count(String ref);

    /** Removes a record; false when there was none. */
    boolean delete(String id);
}
