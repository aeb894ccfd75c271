package org.gongzhi.core.hotline.internal;

import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.Page;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseService;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.IntakeResult;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.cases.NewCase;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;

/** In-memory stand-ins of the case service (idempotent on the key, like the real one) and the districts. */
final class Fakes {

    private Fakes() {
    }

    /** The demo districts of the repository's {@code tenants/}, read once. */
    static final List<TenantDefinition> DEMO = new TenantDefinitionReader().readAll(Paths.get(
            System.getProperty("gongzhi.tenants", "../../tenants")));

    /** Keeps the reported cases by tenant and key; refuses titles over 200 characters like the real intake. */
    static final class Cases implements CaseService {
        final Map<String, CaseView> byKey = new ConcurrentHashMap<>();
        final Map<String, NewCase> reported = new ConcurrentHashMap<>();

        @Override
        public IntakeResult report(String tenantId, NewCase c, String actor, String reporterSubject, String keyScope) {
            if (c.title().length() > 200) {
                throw new ValidationException("title", "title 不能超过 200 个字符 (at most 200 characters)");
            }
            boolean[] created = {false};
            CaseView v = byKey.computeIfAbsent(tenantId + "|" + c.idempotencyKey(), k -> {
                created[0] = true;
                reported.put(k, c);
                return view(tenantId, c, byKey.size() + 1);
            });
            return new IntakeResult(v, created[0]);
        }

        NewCase reported(String tenantId, String ticket) {
            return reported.get(tenantId + "|hotline:" + ticket);
        }

        private static CaseView view(String tenantId, NewCase c, int n) {
            return new CaseView(UUID.randomUUID(), String.format("SJ%06d", n), tenantId, c.title(), c.description(),
                    c.categoryCode(), null, c.channel(), CaseStatus.REPORTED, null, c.gridCode(), c.longitude(),
                    c.latitude(), c.address(), c.reporterName(), c.reporterPhone(), c.attachments(), null, List.of(),
                    Instant.now(), null, null, null, null, null, 0, 0, null, 0, Set.of(), null, Map.of(), null);
        }

        @Override
        public CaseView get(String tenantId, UUID caseId) {
            throw new UnsupportedOperationException();
        }

        @Override

        public org.gongzhi.core.service.cases.CaseSummary summary(String tenantId, CaseQuery query, int dueWithinHours) {

            throw new UnsupportedOperationException();

        }


        @Override
        public Page<CaseView> list(String tenantId, CaseQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CaseView transition(String tenantId, UUID caseId, TransitionCommand command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<JournalEntry> journal(String tenantId, UUID caseId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CaseView> overdue(String tenantId, Instant now, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
