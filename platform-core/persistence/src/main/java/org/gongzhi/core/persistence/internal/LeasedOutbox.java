package org.gongzhi.core.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease protocol every outbox table follows (ADR 0010, 0029): a node claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} for a lease, records an outcome only while it still holds the
 * lease, releases its leases when it stops, and an operator replays dead or unrouted rows.
 * The table needs the columns {@code tenant_id, state, attempts, created_at, next_attempt_at,
 * delivered_at, last_error, claimed_by, claimed_until} and one UUID key column. The outbox services
 * extend it: its public methods are the lease half of their contracts ({@code DispatchOutbox},
 * {@code NotificationOutbox}).
 *
 * @param <T> the row as the service hands it out
 */
abstract class LeasedOutbox<T> {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedOutbox.class);
    private static final String ROOT = RootTenantResolver.NO_TENANT;
    static final String UNLEASED = "(claimed_until is null or claimed_until < ?)";

    final Database db;
    final Clock clock;
    final TenantDirectory tenants;
    private final String table;
    private final String key;
    private final String columns;
    private final OutboxRows.Mapper<T> mapper;
    private final String noun;

    /**
     * @param table   the outbox table
     * @param key     its UUID key column
     * @param columns the columns {@code mapper} reads
     * @param noun    what a row is, for the log ("Dispatch", "Notification")
     */
    LeasedOutbox(Database db, Clock clock, TenantDirectory tenants, String table, String key, String columns,
                 OutboxRows.Mapper<T> mapper, String noun) {
        this.db = db;
        this.clock = clock;
        this.tenants = tenants;
        this.table = table;
        this.key = key;
        this.columns = columns;
        this.mapper = mapper;
        this.noun = noun;
    }

    /** Claims up to {@code max} pending rows that are due now and not leased by anyone. */
    public List<T> claimDue(String node, int max, Duration lease) {
        return claimDue(node, max, lease, "", null);
    }

    /**
     * {@link #claimDue(String, int, Duration)} of the rows that also meet {@code condition} ({@code " and …"}
     * with one text-array parameter, bound to {@code values}; none when {@code values} is null).
     */
    List<T> claimDue(String node, int max, Duration lease, String condition, String[] values) {
        Instant now = clock.instant();
        return db.inTenant(ROOT, s -> OutboxRows.query(s, "update " + table + " set claimed_by = ?, claimed_until = ? "
                + "where " + key + " in (select " + key + " from " + table + " where state = 'PENDING' "
                + "and next_attempt_at <= ? and " + UNLEASED + condition
                + " order by next_attempt_at limit ? for update skip locked)" + returning(), ps -> {
                    int i = 0;
                    ps.setString(++i, node);
                    ps.setTimestamp(++i, Timestamp.from(now.plus(lease)));
                    ps.setTimestamp(++i, Timestamp.from(now));
                    ps.setTimestamp(++i, Timestamp.from(now));
                    if (values != null) {
                        ps.setArray(++i, ps.getConnection().createArrayOf("varchar", values));
                    }
                    ps.setInt(++i, max);
                }, mapper));
    }

    /** Claims one pending row, due or not, unless someone else holds its lease. */
    public Optional<T> claim(UUID id, String node, Duration lease) {
        Instant now = clock.instant();
        return db.inTenant(ROOT, s -> OutboxRows.query(s, "update " + table + " set claimed_by = ?, claimed_until = ? "
                + "where " + key + " = ? and state = 'PENDING' and " + UNLEASED + returning(), ps -> {
                    ps.setString(1, node);
                    ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
                    ps.setObject(3, id);
                    ps.setTimestamp(4, Timestamp.from(now));
                }, mapper)).stream().findFirst();
    }

    private static final String DELIVERED = "state = 'DELIVERED', delivered_at = ?, receipt = ?, last_error = null, "
            + "attempts = attempts + 1";

    /** Binds {@link #DELIVERED}'s parameters: now, and the receipt. */
    private SetBinder delivery(String receipt) {
        Instant now = clock.instant();
        return ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, OutboxRows.clip(receipt, 200));
            return 3;
        };
    }

    public boolean delivered(UUID id, String node, String receipt) {
        return settle(id, node, DELIVERED, delivery(receipt));
    }

    public boolean failed(UUID id, String node, String error, Instant nextAttemptAt) {
        return settle(id, node, "attempts = attempts + 1, next_attempt_at = ?, last_error = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(nextAttemptAt));
            ps.setString(2, OutboxRows.clip(error, 1000));
            return 3;
        });
    }

    public boolean dead(UUID id, String node, String error) {
        return settle(id, node, "state = 'DEAD', attempts = attempts + 1, last_error = ?", ps -> {
            ps.setString(1, OutboxRows.clip(error, 1000));
            return 2;
        });
    }

    public boolean unrouted(UUID id, String node, String reason) {
        return settle(id, node, "state = 'UNROUTED', last_error = ?", ps -> {
            ps.setString(1, OutboxRows.clip(reason, 1000));
            return 2;
        });
    }

    /** Pending again at {@code dueAt}, the attempts unchanged, the leases given up; returns how many {@code node} still held. */
    public int postpone(Collection<UUID> ids, String node, Instant dueAt) {
        return settleAll(ids, node, "next_attempt_at = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(dueAt));
            return 2;
        });
    }

    /** {@link #delivered} of many rows in one statement; returns how many {@code node} still held. */
    public int deliveredAll(Collection<UUID> ids, String node, String receipt) {
        return settleAll(ids, node, DELIVERED, delivery(receipt));
    }

    private int settleAll(Collection<UUID> ids, String node, String set, SetBinder binder) {
        if (ids.isEmpty()) {
            return 0;
        }
        int n = db.inTenant(ROOT, s -> OutboxRows.update(s, "update " + table + " set " + set
                + ", claimed_by = null, claimed_until = null where " + key + " = any (?) and claimed_by = ? "
                + "and state = 'PENDING'", ps -> {
                    int i = binder.bind(ps);
                    ps.setArray(i, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                    ps.setString(i + 1, node);
                }));
        if (n < ids.size()) {
            LOG.warn("{} of {} {}s were no longer claimed by {}: their outcome was not recorded", ids.size() - n,
                    ids.size(), noun, node);
        }
        return n;
    }

    /** Gives up every lease {@code node} holds; returns how many. */
    public int release(String node) {
        return db.inTenant(ROOT, s -> OutboxRows.update(s, "update " + table
                + " set claimed_by = null, claimed_until = null where claimed_by = ?", ps -> ps.setString(1, node)));
    }

    /** One page of a district's rows, newest first, optionally of one state; an unknown district is not found. */
    Page<T> page(String tenantId, Enum<?> state, int offset, int limit) {
        return page(tenantId, state, null, offset, limit);
    }

    /** As {@link #page(String, Enum, int, int)}, also optionally of one {@code channel} column value. */
    Page<T> page(String tenantId, Enum<?> state, Enum<?> channel, int offset, int limit) {
        tenants.require(tenantId);
        String where = " from " + table + " where tenant_id = ?" + (state == null ? "" : " and state = ?")
                + (channel == null ? "" : " and channel = ?");
        OutboxRows.Binder bind = ps -> {
            int i = 1;
            ps.setString(i++, tenantId);
            if (state != null) {
                ps.setString(i++, state.name());
            }
            if (channel != null) {
                ps.setString(i, channel.name());
            }
        };
        return db.inTenant(tenantId, s -> {
            long total = OutboxRows.count(s, "select count(*)" + where, bind);
            List<T> items = OutboxRows.query(s, "select " + columns + where + " order by created_at desc, " + key
                    + " offset " + Math.max(0, offset) + " limit " + Math.max(0, limit), bind, mapper);
            return new Page<>(items, total, offset, limit);
        });
    }

    /** The district's row {@code id}; {@link NotFoundException} with {@code notFound} and the id when there is none. */
    T row(String tenantId, UUID id, String notFound) {
        tenants.require(tenantId);
        return find(tenantId, id).orElseThrow(() -> new NotFoundException(notFound + id));
    }

    private Optional<T> find(String tenantId, UUID id) {
        return db.inTenant(tenantId, s -> OutboxRows.query(s, "select " + columns + " from " + table
                + " where tenant_id = ? and " + key + " = ?", ps -> {
                    ps.setString(1, tenantId);
                    ps.setObject(2, id);
                }, mapper)).stream().findFirst();
    }

    /** Makes a dead or unrouted row pending again from {@code nextAttemptAt}; empty when it was in another state. */
    Optional<T> reopen(String tenantId, UUID id, Instant nextAttemptAt) {
        return db.inTenant(tenantId, s -> OutboxRows.query(s, "update " + table + " set state = 'PENDING', attempts = 0, "
                + "next_attempt_at = ?, claimed_by = null, claimed_until = null where tenant_id = ? and " + key
                + " = ? and state in ('DEAD', 'UNROUTED')" + returning(), ps -> {
                    ps.setTimestamp(1, Timestamp.from(nextAttemptAt));
                    ps.setString(2, tenantId);
                    ps.setObject(3, id);
                }, mapper)).stream().findFirst();
    }

    @FunctionalInterface
    private interface SetBinder {
        /** Binds the SET parameters; returns the index of the next parameter. */
        int bind(PreparedStatement ps) throws SQLException;
    }

    private boolean settle(UUID id, String node, String set, SetBinder binder) {
        int n = db.inTenant(ROOT, s -> OutboxRows.update(s, "update " + table + " set " + set
                + ", claimed_by = null, claimed_until = null where " + key + " = ? and claimed_by = ? "
                + "and state = 'PENDING'", ps -> {
                    int i = binder.bind(ps);
                    ps.setObject(i, id);
                    ps.setString(i + 1, node);
                }));
        if (n == 0) {
            LOG.warn("{} {} is no longer claimed by {}: its outcome was not recorded", noun, id, node);
        }
        return n == 1;
    }

    private String returning() {
        return " returning " + columns;
    }
}
