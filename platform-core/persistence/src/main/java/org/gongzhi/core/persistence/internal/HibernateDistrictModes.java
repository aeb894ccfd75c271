package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.screen.DistrictMode;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The districts' operating modes (平时/战时) in the core database (V14, {@link ModeRows}). Nothing is
 * cached: every node reads the row, so a switch made on one node holds on all of them at once.
 */
@Component(service = DistrictModes.class)
public final class HibernateDistrictModes implements DistrictModes {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateDistrictModes.class);
    /** Longest reason, in characters. */
    static final int MAX_REASON = 500;
    /** Longest actor name kept (the column's width). */
    static final int MAX_ACTOR = 200;

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateDistrictModes(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, HibernateCaseService.DATABASE_CLOCK);
    }

    HibernateDistrictModes(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public DistrictMode current(String tenant) {
        tenants.require(tenant);
        return db.inTenant(tenant, s -> ModeRows.current(s, tenant));
    }

    @Override
    public DistrictMode switchTo(String tenant, OperatingMode mode, String reason, String actor) {
        tenants.require(tenant);
        if (mode == null) {
            throw new ValidationException("mode", "必填项 (required): mode（normal 或 wartime）");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ValidationException("reason", "切换须说明原因 (a switch needs a reason)");
        }
        if (why.length() > MAX_REASON) {
            throw new ValidationException("reason", "原因不能超过 " + MAX_REASON + " 个字符 (reason: at most "
                    + MAX_REASON + " characters)");
        }
        String who = CaseWorkflow.actor(actor);
        String by = who.length() > MAX_ACTOR ? who.substring(0, MAX_ACTOR) : who;
        Instant now = clock.instant();
        DistrictMode switched = db.inTenant(tenant, s -> ModeRows.switchTo(s, tenant, mode, why, by, now))
                .orElseThrow(() -> new ConflictException("mode", "该区已处于" + mode.labelZh() + "状态 (the district is in "
                        + mode.wireName() + " mode already)"));
        LOG.info("District {} switched to {} by {}", tenant, mode.wireName(), by);
        return switched;
    }

    @Override
    public List<DistrictMode> history(String tenant, Instant from, Instant to) {
        tenants.require(tenant);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Instant start = from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from; // no switch is older; no BC dates for JDBC
        if (!start.isBefore(to)) {
            return List.of();
        }
        return db.inTenant(tenant, s -> ModeRows.history(s, tenant, start, to));
    }
}
