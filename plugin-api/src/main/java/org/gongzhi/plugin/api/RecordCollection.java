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
 * database; each call is its own transaction. Since 1.3 {@link #query(RecordQuery, int, int)} and
 * {@link #countOf(RecordQuery)} select by several refs and by ranges of ref values
 * ({@link RecordQuery}), e.g. the records of a period by their {@code day=} refs, counted without
 * reading a page.
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

    /**
     * Records that {@code query} asks for (several refs, ranges of ref values), oldest first, like
     * {@link #find(String, int, int)}. (Not an overload of {@code find}: {@code find(null, …)} of 1.2
     * code stays unambiguous.)
     *
     * <p>The core answers from its indexes in one call. The default, for implementations written
     * against 1.2, reads every page of {@link #find(String, int, int)} and filters them.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     * @throws IllegalArgumentException for a bad offset or limit
     * @since 1.3
     */
    default List<PluginRecord> query(RecordQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1–" + MAX_LIMIT);
        }
        List<PluginRecord> out = new java.util.ArrayList<>();
        long skip = offset;
        for (int at = 0; out.size() < limit; at += MAX_LIMIT) {
            List<PluginRecord> page = find(null, at, MAX_LIMIT);
            for (PluginRecord r : page) {
                if (query.matches(r.refs()) && out.size() < limit && skip-- <= 0) {
                    out.add(r);
                }
            }
            if (page.size() < MAX_LIMIT) {
                break;
            }
        }
        return out;
    }

    /**
     * Number of records that {@code query} asks for, without reading them: the core counts in the
     * database. The default, for implementations written against 1.2, reads every page.
     *
     * @since 1.3
     */
    default long countOf(RecordQuery query) {
        long n = 0;
        for (int at = 0; ; at += MAX_LIMIT) {
            List<PluginRecord> page = find(null, at, MAX_LIMIT);
            n += page.stream().filter(r -> query.matches(r.refs())).count();
            if (page.size() < MAX_LIMIT) {
                return n;
            }
        }
    }
}
