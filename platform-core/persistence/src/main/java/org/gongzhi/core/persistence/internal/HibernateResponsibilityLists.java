package org.gongzhi.core.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.dispatch.ResponsibilityLists;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.Responsibility;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responsibility lists (责任清单) in the core database (V23, {@code responsibility_list}): a district's
 * saved list, else its definition's. Nothing is cached; a registration reads the row in its own
 * transaction ({@link #current(Session, TenantDefinition)}), so a replacement holds on every node at once.
 */
@Component(service = ResponsibilityLists.class)
public final class HibernateResponsibilityLists implements ResponsibilityLists {

    private static final Logger LOG = LoggerFactory.getLogger(HibernateResponsibilityLists.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Responsibility>> ENTRIES = new TypeReference<>() {
    };

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateResponsibilityLists(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, HibernateCaseService.DATABASE_CLOCK);
    }

    HibernateResponsibilityLists(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public ResponsibilityList current(String tenant) {
        TenantDefinition t = tenants.require(tenant);
        return db.inTenant(tenant, s -> current(s, t));
    }

    @Override
    public ResponsibilityList replace(String tenant, ResponsibilityList list, String actor) {
        TenantDefinition t = tenants.require(tenant);
        if (list == null) {
            throw new ValidationException("entries", "必填项 (required): entries");
        }
        list.check(t.departments(), t.categories(), t.grids());
        String who = CaseWorkflow.actor(actor);
        String by = who.length() > HibernateDistrictModes.MAX_ACTOR ? who.substring(0, HibernateDistrictModes.MAX_ACTOR) : who;
        String entries = write(list.entries());
        db.inTenant(tenant, s -> s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into responsibility_list "
                    + "(tenant_id, auto_dispatch, entries, updated_at, updated_by) values (?, ?, ?, ?, ?) "
                    + "on conflict (tenant_id) do update set auto_dispatch = excluded.auto_dispatch, "
                    + "entries = excluded.entries, updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
                st.setString(1, tenant);
                st.setBoolean(2, list.autoDispatch());
                st.setString(3, entries);
                st.setTimestamp(4, Timestamp.from(clock.instant()));
                st.setString(5, by);
                return st.executeUpdate();
            }
        }));
        LOG.info("Responsibility list of {} replaced by {}: {} entries, autoDispatch {}", tenant, by,
                list.entries().size(), list.autoDispatch());
        return list;
    }

    /** The list in force, read in {@code s}'s transaction: the saved row, else the definition's list. */
    static ResponsibilityList current(Session s, TenantDefinition tenant) {
        Optional<ResponsibilityList> saved = s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "select auto_dispatch, entries from responsibility_list where tenant_id = ?")) {
                st.setString(1, tenant.id());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new ResponsibilityList(rs.getBoolean(1), read(rs.getString(2))))
                            : Optional.<ResponsibilityList>empty();
                }
            }
        });
        return saved.orElse(tenant.responsibilities());
    }

    private static String write(List<Responsibility> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("responsibility list not writable as JSON", e);
        }
    }

    private static List<Responsibility> read(String text) {
        try {
            return JSON.readValue(text, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("responsibility_list.entries is not a list of entries", e);
        }
    }
}
