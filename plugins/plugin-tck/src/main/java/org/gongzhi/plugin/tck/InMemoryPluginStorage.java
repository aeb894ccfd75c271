package org.gongzhi.plugin.tck;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * {@link PluginStorage} in memory (内存插件存储), for plugins' unit tests and the contract suite.
 * Keeps every rule of the API Javadoc as the core does: tenant, model, collection, id and ref
 * formats ({@link IllegalArgumentException}), JSON-like data up to 256 KiB as JSON text,
 * versions and {@code expectedVersion} ({@link IllegalStateException}), the ref filter,
 * oldest-first order, paging up to {@link RecordCollection#MAX_LIMIT}, isolation by tenant and
 * model, and (since 1.3) {@link RecordCollection#query} and {@link RecordCollection#countOf}
 * with {@link org.gongzhi.plugin.api.RecordQuery}'s own semantics. Data come back as after a JSON round trip: fresh mutable maps and lists, integral numbers
 * as Integer/Long/BigInteger, decimals as Double.
 *
 * <p>Every call is recorded ({@link #calls()}) so a test can tell what the plugin did, including
 * calls it made and then swallowed the exception of. Thread-safe.
 */
public final class InMemoryPluginStorage implements PluginStorage {

    /** Model ids and collection names the core accepts. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern TENANT = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** How a call ended. */
    public enum Outcome {
        /** It did what was asked. */
        DONE,
        /** Refused with IllegalArgumentException: a bug of the plugin. */
        REJECTED,
        /** Refused with IllegalStateException: {@code expectedVersion} did not match. */
        CONFLICT
    }

    /**
     * One call a plugin made.
     *
     * @param operation {@code collection}, {@code put}, {@code get}, {@code find}, {@code count},
     *                  {@code query}, {@code countOf} (since 1.3) or {@code delete}
     * @param subject   the record id of {@code put}, {@code get} and {@code delete}, the ref of
     *                  {@code find} and {@code count}, the query's {@code toString()} for {@code query}
     *                  and {@code countOf}; null for {@code collection}
     * @param message   the exception's message when the call was refused, else null
     */
    public record Call(String tenantId, String modelId, String collection, String operation, String subject,
                       Outcome outcome, String message) {

        /** Whether the call broke a rule of the API. */
        public boolean rejected() {
            return outcome == Outcome.REJECTED;
        }

        /** Whether it was a {@code put} or {@code delete} that went through. */
        public boolean isWrite() {
            return outcome == Outcome.DONE && ("put".equals(operation) || "delete".equals(operation));
        }
    }

    private final Set<String> tenants;
    private final Clock clock;
    private final Map<String, RecordShelf> shelves = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Runnable> beforeNextPut = new ConcurrentHashMap<>();

    /** Storage for exactly these tenants (an unknown tenant is an IllegalArgumentException), on the system clock. */
    public InMemoryPluginStorage(String... tenantIds) {
        this(Clock.systemUTC(), List.of(tenantIds));
    }

    /** Storage for exactly these tenants; {@code clock} stamps createdAt/updatedAt. */
    public InMemoryPluginStorage(Clock clock, Collection<String> tenantIds) {
        if (tenantIds.isEmpty()) {
            throw new IllegalArgumentException("name at least one tenant");
        }
        this.clock = clock;
        this.tenants = Set.copyOf(tenantIds);
    }

    @Override
    public RecordCollection collection(String tenantId, String modelId, String collection) {
        String rejection = null;
        if (tenantId == null || !TENANT.matcher(tenantId).matches() || !tenants.contains(tenantId)) {
            rejection = "no such tenant: " + tenantId;
        } else if (modelId == null || !NAME.matcher(modelId).matches()) {
            rejection = "a model id must match " + NAME.pattern() + ": " + modelId;
        } else if (collection == null || !NAME.matcher(collection).matches()) {
            rejection = "a collection name must match " + NAME.pattern() + ": " + collection;
        }
        record(new Call(tenantId, modelId, collection, "collection", null,
                rejection == null ? Outcome.DONE : Outcome.REJECTED, rejection));
        if (rejection != null) {
            throw new IllegalArgumentException(rejection);
        }
        RecordShelf shelf = shelves.computeIfAbsent(tenantId + "/" + modelId + "/" + collection, k -> new RecordShelf());
        return new InMemoryRecordCollection(this, shelf, tenantId, modelId, collection);
    }

    /**
     * Runs {@code writer} once, just before the next {@code put} into that collection goes through
     * its checks of the version: as if a concurrent request had written between what the plugin
     * read and its write. The writer may use the storage (its own puts do not trigger it again).
     *
     * @since 1.3
     */
    public void beforeNextPut(String tenantId, String modelId, String collection, Runnable writer) {
        beforeNextPut.put(tenantId + "/" + modelId + "/" + collection, writer);
    }

    /** Every call so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The accepted {@code put} and {@code delete} calls so far, in order. */
    public List<Call> writes() {
        return calls.stream().filter(Call::isWrite).toList();
    }

    /** Calls refused with IllegalArgumentException so far: each is a bug of the plugin. */
    public List<Call> rejectedCalls() {
        return calls.stream().filter(Call::rejected).toList();
    }

    /** Forgets the recorded calls (not the records). */
    public void clearCalls() {
        calls.clear();
    }

    /**
     * What one model keeps in one tenant: records by collection name, oldest first. Not recorded
     * as a call.
     */
    public Map<String, List<PluginRecord>> records(String tenantId, String modelId) {
        String prefix = tenantId + "/" + modelId + "/";
        Map<String, List<PluginRecord>> out = new TreeMap<>();
        shelves.forEach((key, shelf) -> {
            List<PluginRecord> all = shelf.find(null, 0, Integer.MAX_VALUE);
            if (key.startsWith(prefix) && !all.isEmpty()) {
                out.put(key.substring(prefix.length()), all);
            }
        });
        return out;
    }

    /** Ids, refs and data of every record of every tenant and model, to compare two moments. */
    Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        shelves.forEach((key, shelf) -> out.put(key, shelf.contents()));
        out.values().removeIf(v -> ((Map<?, ?>) v).isEmpty());
        return out;
    }

    void runBeforePut(String tenantId, String modelId, String collection) {
        Runnable writer = beforeNextPut.remove(tenantId + "/" + modelId + "/" + collection);
        if (writer != null) {
            writer.run();
        }
    }

    Clock clock() {
        return clock;
    }

    void record(Call call) {
        calls.add(call);
    }
}
