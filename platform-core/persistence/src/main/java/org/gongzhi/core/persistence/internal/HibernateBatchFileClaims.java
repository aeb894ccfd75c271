package org.gongzhi.core.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.gongzhi.core.service.hotline.BatchFileClaims;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link BatchFileClaims} in table {@code hotline_file_claim} (V37): the first insert of a key wins. */
@Component(service = BatchFileClaims.class)
public final class HibernateBatchFileClaims implements BatchFileClaims {

    private static final int MAX_KEY = 600;
    private final Database db;

    @Activate
    public HibernateBatchFileClaims(@Reference PersistenceRuntime runtime) {
        this(runtime.database());
    }

    HibernateBatchFileClaims(Database db) {
        this.db = db;
    }

    @Override
    public boolean claim(String key, String node) {
        String k = key(key);
        String n = node(node);
        return db.inTenant(TenantDefinition.RESERVED_ID, s -> s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into hotline_file_claim (claim_key, node) values (?, ?)"
                    + " on conflict (claim_key) do nothing")) {
                st.setString(1, k);
                st.setString(2, n);
                return st.executeUpdate() == 1;
            }
        }));
    }

    @Override
    public boolean claimed(String key) {
        String k = key(key);
        return db.inTenant(TenantDefinition.RESERVED_ID, s -> s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("select 1 from hotline_file_claim where claim_key = ?")) {
                st.setString(1, k);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next();
                }
            }
        }));
    }

    @Override
    public void release(String key, String node) {
        String k = key(key);
        String n = node(node);
        db.inTenant(TenantDefinition.RESERVED_ID, s -> s.doReturningWork(c -> {
            try (PreparedStatement st = c.prepareStatement("delete from hotline_file_claim where claim_key = ?"
                    + " and node = ?")) {
                st.setString(1, k);
                st.setString(2, n);
                return st.executeUpdate();
            }
        }));
    }

    private static String node(String node) {
        return node == null || node.isBlank() ? "?" : node.substring(0, Math.min(128, node.length()));
    }

    private static String key(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("a claim key is 1–" + MAX_KEY + " characters: " + key);
        }
        return key;
    }
}
