package org.gongzhi.core.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.gongzhi.core.service.CaseEvents;
import org.gongzhi.core.service.DistrictModes;
import org.gongzhi.core.service.ScreenFigures;
import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.service.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * What the wall screens show, per district, computed at most once per {@link #MAX_AGE}: a hundred
 * screens polling the same district cost one computation ({@link ScreenFigures}, the mode and the
 * newest {@value #RECENT} events) every few seconds. Callers asking while it runs wait for that one
 * computation; a failed one is not kept. The city's wall is built from the districts' entries.
 */
@Component(service = ScreenBoard.class)
public final class ScreenBoard {

    /** How old an answer may be (issue 15 contract: at most 5 s). */
    static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** Events in the live feed of a district's screen. */
    static final int RECENT = 20;

    private final ScreenFigures figures;
    private final DistrictModes modes;
    private final CaseEvents events;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final AsyncCache<String, ScreenJson.District> cache;

    @Activate
    public ScreenBoard(@Reference ScreenFigures figures, @Reference DistrictModes modes, @Reference CaseEvents events,
                       @Reference TenantDirectory tenants) {
        this(figures, modes, events, tenants, Clock.systemUTC(), Ticker.systemTicker());
    }

    ScreenBoard(ScreenFigures figures, DistrictModes modes, CaseEvents events, TenantDirectory tenants, Clock clock,
                Ticker ticker) {
        this.figures = figures;
        this.modes = modes;
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
        // computed on the first caller's thread; the map holds only the future, so no lock is held meanwhile
        // and the callers that come during the computation wait for the same future
        this.cache = Caffeine.newBuilder().expireAfterWrite(MAX_AGE).maximumSize(10_000).ticker(ticker)
                .executor(Runnable::run).buildAsync();
    }

    /** A district's screen, at most {@link #MAX_AGE} old. The caller has checked access. */
    ScreenJson.District district(String tenant) {
        try {
            return cache.get(tenant, this::compute).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Every active district's screen side by side with their totals. The caller has checked access. */
    ScreenJson.City city() {
        List<ScreenJson.District> districts = new ArrayList<>();
        for (TenantDefinition t : tenants.tenants()) {
            if (tenants.status(t.id()).orElse(null) == TenantStatus.ACTIVE) {
                districts.add(district(t.id()));
            }
        }
        return ScreenJson.City.of(clock.instant(), districts);
    }

    private ScreenJson.District compute(String tenant) {
        return ScreenJson.District.of(figures.district(tenant), modes.current(tenant), events.recent(tenant, RECENT));
    }
}
