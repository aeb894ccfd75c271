package org.gongzhi.core.resident.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;
import javax.ws.rs.NotAuthorizedException;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.residents.ResidentSession;
import org.gongzhi.core.service.residents.ResidentSessions;
import org.gongzhi.core.service.residents.SmsGateway;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import io.github.bucket4j.TimeMeter;

/**
 * What the resident resources share: the settings (PID {@value ResidentConfig#PID}), the accounts (codes
 * and sessions in PostgreSQL), the rate limits and the SMS gateway when one is configured. Also the
 * {@link ResidentSessions} service for other bundles' resident endpoints (evidence uploads). Needs the
 * platform's data source ({@code gongzhi.datasource=main}) and the {@link TenantDirectory}, which is
 * registered only once the schema is migrated.
 */
@Component(service = {ResidentRuntime.class, ResidentSessions.class}, configurationPid = ResidentConfig.PID)
@Designate(ocd = ResidentConfig.class)
public final class ResidentRuntime implements ResidentSessions {

    /** The challenge of a missing or refused resident token. */
    static final String CHALLENGE = "Bearer realm=\"gongzhi-resident\"";

    private final TenantDirectory tenants;
    private final Settings settings;
    private final Store store;
    private final ResidentAccounts accounts;
    private final RateLimits limits;
    private final Clock clock;
    private volatile SmsGateway sms;

    @Activate
    public ResidentRuntime(@Reference(target = "(gongzhi.datasource=main)") DataSource dataSource,
                           @Reference TenantDirectory tenants, ResidentConfig config) {
        this(new Store(dataSource, 4), tenants, Settings.of(config), Clock.systemUTC(), TimeMeter.SYSTEM_NANOTIME);
    }

    ResidentRuntime(Store store, TenantDirectory tenants, Settings settings, Clock clock, TimeMeter time) {
        this.store = store;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
        this.accounts = new ResidentAccounts(store, clock, new SecureRandom(), settings.sessionLifetime());
        this.limits = new RateLimits(settings.limits(), time);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSms(SmsGateway gateway) {
        sms = gateway;
    }

    void unbindSms(SmsGateway gateway) {
        if (sms == gateway) {
            sms = null;
        }
    }

    @Deactivate
    void close() {
        store.close();
    }

    Settings settings() {
        return settings;
    }

    ResidentAccounts accounts() {
        return accounts;
    }

    RateLimits limits() {
        return limits;
    }

    Clock clock() {
        return clock;
    }

    /** The SMS gateway, or {@link SmsGateway.SmsUnavailableException} while none is configured. */
    SmsGateway sms() throws SmsGateway.SmsUnavailableException {
        SmsGateway gateway = sms;
        if (gateway == null) {
            throw new SmsGateway.SmsUnavailableException("no SMS provider is configured (org.gongzhi.sms)", null);
        }
        return gateway;
    }

    /** An active district; unknown, deleted and suspended ones are not found (the page has nothing to show). */
    TenantDefinition district(String tenant) {
        Optional<TenantDefinition> t = tenants.status(tenant).filter(s -> s == TenantStatus.ACTIVE)
                .flatMap(s -> tenants.find(tenant));
        return t.orElseThrow(() -> new NotFoundException("没有该区或该区暂停服务 (no such district): " + tenant));
    }

    /**
     * The resident signed in with the request's bearer token in {@code tenant}.
     *
     * @throws NotAuthorizedException 401 with a {@code Bearer} challenge: no token, or one that is unknown,
     *                                expired, revoked or of another district
     */
    ResidentSession resident(String tenant, List<String> authorization) {
        String header = authorization == null || authorization.size() != 1 ? null : authorization.get(0);
        Optional<String> token = ResidentSessions.bearer(header);
        if (token.isEmpty()) {
            throw new NotAuthorizedException("请先用手机验证码登录 (sign in with a code sent to your phone)", CHALLENGE);
        }
        return find(tenant, token.get()).orElseThrow(() -> new NotAuthorizedException(
                "登录已失效，请重新登录 (the session is unknown or has ended: sign in again)",
                CHALLENGE + ", error=\"invalid_token\""));
    }

    @Override
    public Optional<ResidentSession> find(String tenantId, String token) {
        return accounts.find(tenantId, token);
    }
}
