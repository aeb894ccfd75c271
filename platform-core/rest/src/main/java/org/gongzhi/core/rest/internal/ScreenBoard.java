package org.gongzhi.core.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gongzhi.core.service.events.CaseEvents;
import org.gongzhi.core.service.screen.DistrictModes;
import org.gongzhi.core.service.screen.ScreenFigures;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.service.tenants.TenantStatus;
import org.gongzhi.core.tenant.TenantDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * What the wall screens show, per district, computed once for all screens: a hundred screens polling the
 * same district cost one computation ({@link ScreenFigures}, the mode and the newest {@value #RECENT}
 * events) every few seconds. An answer is never older than {@link #MAX_AGE}; once it is {@link #REFRESH}
 * old, the next caller still gets it and a new one is computed in the background, so screens polling a
 * district steadily never wait for a computation. A district nobody asked about for {@link #MAX_AGE} is
 * computed for the next caller, who waits (and so do callers arriving meanwhile, for the same
 * computation). A failed computation is not kept. The city's wall is built from the districts' entries.
 */
@Component(service = ScreenBoard.class)
public final class ScreenBoard {

    /** How old an answer may be (issue 15 contract: at most 5 s). */
    static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** From this age on, an answer is recomputed in the background while it is still served. */
    static final Duration REFRESH = Duration.ofSeconds(4);
    /** Events in the live feed of a district's screen. */
    static final int RECENT = 20;

    private final ScreenFigures figures;
    private final DistrictModes modes;
    private final CaseEvents events;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final Executor computations;
    private final AsyncLoadingCache<String, ScreenJson.District> cache;

    @Activate
    public ScreenBoard(@Reference ScreenFigures figures, @Reference DistrictModes modes, @Reference CaseEvents events,
                       @Reference TenantDirectory tenants) {
        this(figures, modes, events, tenants, Clock.systemUTC(), Ticker.systemTicker(), Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "gongzhi-screen-figures");
            t.setDaemon(true);
            return t;
        }));
    }

    ScreenBoard(ScreenFigures figures, DistrictModes modes, CaseEvents events, TenantDirectory tenants, Clock clock,
                Ticker ticker, Executor computations) {
        this.figures = figures;
        this.modes = modes;
        this.events = events;
        this.tenants = tenants;
        this.clock = clock;
        this.computations = computations;
        // the map holds only the future, so no lock is held during a computation, and the callers that come
        // meanwhile wait for the same future
        this.cache = Caffeine.newBuilder().expireAfterWrite(MAX_AGE).refreshAfterWrite(REFRESH).maximumSize(10_000)
                .ticker(ticker).executor(computations).buildAsync(this::compute);
    }

    @Deactivate
    void stop() {
        if (computations instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    /** A district's screen, at most {@link #MAX_AGE} old. The caller has checked access. */
    ScreenJson.District district(String tenant) {
        try {
            return cache.get(tenant).join();
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
        return ScreenJson.City.of(clock.instant(), districts, RECENT);
    }

    private ScreenJson.District compute(String tenant) {
        return ScreenJson.District.of(figures.district(tenant), modes.current(tenant), events.recent(tenant, RECENT));
    }
}
