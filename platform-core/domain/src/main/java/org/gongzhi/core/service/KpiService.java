package org.gongzhi.core.service;

import java.time.Instant;

/** Key performance figures (考核指标), aggregated in the database. Implemented by persistence. */
public interface KpiService {

    /** Figures for cases reported in [{@code from}, {@code to}) of one tenant. */
    KpiFigures figures(String tenantId, Instant from, Instant to);
}
