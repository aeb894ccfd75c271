package org.gongzhi.core.resident.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.WireNames;
import org.gongzhi.core.grid.GridNode;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.evidence.EvidenceView;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.TenantDefinition;

/**
 * A resident's view of their own reports: what they may do next (rate once closed; reopen when not
 * satisfied, within the window after closing), the public notes (公开答复) of the journal, and the photos
 * (evidence) of the report and of the result. Pure functions of the case, its journal and now.
 */
final class Reports {

    /** Satisfaction at or below which a resident counts as not satisfied (and may reopen). */
    static final int UNSATISFIED_AT_MOST = 3;
    /** Steps whose evidence shows the result (处置结果): the handler's feedback, the verification passed, the closing. */
    static final Set<CaseAction> RESULT_STEPS = Set.of(CaseAction.FEEDBACK, CaseAction.VERIFY_PASS, CaseAction.CLOSE);
    /** Characters of the description that go into the title after the category name. */
    static final int TITLE_TEXT = 30;

    private Reports() {
    }

    /** A closed case that no one has evaluated yet. */
    static boolean canRate(CaseView c) {
        return c.status() == CaseStatus.CLOSED && c.satisfaction() == null;
    }

    /** The end of the reopening window, or null while the case is not closed. */
    static Instant reopenUntil(CaseView c, Duration window) {
        return c.status().isClosed() && c.closedAt() != null ? c.closedAt().plus(window) : null;
    }

    /** Closed or evaluated, within the window after closing, and not satisfied (no rating or at most 3). */
    static boolean canReopen(CaseView c, Duration window, Instant now) {
        Instant until = reopenUntil(c, window);
        return until != null && now.isBefore(until)
                && (c.satisfaction() == null || c.satisfaction() <= UNSATISFIED_AT_MOST);
    }

    /** Why {@code c} may not be reopened now, or null when it may. */
    static String whyNotReopen(CaseView c, Duration window, Instant now) {
        if (!c.status().isClosed()) {
            return "事件尚未办结，无需重新办理 (the report is not closed)";
        }
        if (c.satisfaction() != null && c.satisfaction() > UNSATISFIED_AT_MOST) {
            return "您已对办理结果表示满意 (you rated the result as satisfying)";
        }
        if (!canReopen(c, window, now)) {
            return "已超过办结后 " + window.toDays() + " 天的重新办理期限 (more than " + window.toDays()
                    + " days have passed since closing)";
        }
        return null;
    }

    /** Title of a resident's report: the category's name and the start of the description's first line. */
    static String title(CategoryDefinition category, String description) {
        String line = description.strip().lines().findFirst().orElse("").strip();
        if (line.codePointCount(0, line.length()) > TITLE_TEXT) {
            line = line.substring(0, line.offsetByCodePoints(0, TITLE_TEXT)) + "…";
        }
        return line.isEmpty() ? category.name() : category.name() + "：" + line;
    }

    /** The evidence ids among attachments ({@code evidence:<id>}), in order, without repeats. */
    static List<UUID> evidence(List<String> attachments) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String a : attachments) {
            if (a != null && a.startsWith(EvidenceView.REFERENCE_PREFIX)) {
                try {
                    ids.add(UUID.fromString(a.substring(EvidenceView.REFERENCE_PREFIX.length())));
                } catch (IllegalArgumentException notAnId) {
                    // not evidence of ours
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Photos of the report (its intake) and of the result ({@link #RESULT_STEPS}), report first. */
    static List<ResidentJson.Photo> photos(String tenant, CaseView c, List<JournalEntry> journal) {
        List<ResidentJson.Photo> photos = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (UUID id : evidence(c.attachments())) {
            if (seen.add(id)) {
                photos.add(photo(tenant, id, "report"));
            }
        }
        for (JournalEntry e : journal) {
            if (e.action() != null && RESULT_STEPS.contains(e.action())) {
                for (UUID id : evidence(e.attachments())) {
                    if (seen.add(id)) {
                        photos.add(photo(tenant, id, "result"));
                    }
                }
            }
        }
        return photos;
    }

    private static ResidentJson.Photo photo(String tenant, UUID id, String stage) {
        String url = "/api/v1/resident/" + tenant + "/evidence/" + id;
        return new ResidentJson.Photo(id, url, url + "/thumbnail", stage);
    }

    /** The public notes of the journal (公开答复), oldest first. */
    static List<ResidentJson.PublicNote> publicNotes(List<JournalEntry> journal) {
        return journal.stream().filter(e -> e.publicNote() != null && !e.publicNote().isBlank())
                .map(e -> new ResidentJson.PublicNote(e.at(), e.publicNote())).toList();
    }

    static ResidentJson.ReportItem item(TenantDefinition t, CaseView c, Duration window, Instant now) {
        List<UUID> photos = evidence(c.attachments());
        return new ResidentJson.ReportItem(c.id(), c.number(), c.categoryCode(), categoryName(t, c), c.title(),
                WireNames.of(c.status()), c.status().labelZh(), c.reportedAt(), c.closedAt(), c.satisfaction(),
                canRate(c), canReopen(c, window, now),
                photos.isEmpty() ? null : photo(t.id(), photos.get(0), "report").thumbnailUrl());
    }

    static ResidentJson.Report report(TenantDefinition t, CaseView c, List<JournalEntry> journal, Duration window,
                                      Instant now) {
        ResidentJson.ReportItem i = item(t, c, window, now);
        List<ResidentJson.Photo> photos = photos(t.id(), c, journal);
        String thumbnail = photos.stream().filter(p -> p.stage().equals("result")).findFirst()
                .or(() -> photos.stream().findFirst()).map(ResidentJson.Photo::thumbnailUrl).orElse(null);
        String gridName = c.gridCode() == null ? null : t.grids().find(c.gridCode()).map(GridNode::name).orElse(null);
        return new ResidentJson.Report(i.id(), i.number(), i.categoryCode(), i.categoryName(), i.title(), i.status(),
                i.statusName(), i.reportedAt(), i.closedAt(), i.satisfaction(), i.canRate(), i.canReopen(), thumbnail,
                c.description(), c.address(), gridName, publicNotes(journal), photos, reopenUntil(c, window));
    }

    /**
     * The report of a case merged into {@code master} (合并办理, ADR 0034): what the resident reported, with the
     * master's status, closing time, result photos and public notes; rating and reopening belong to the master's
     * reporter, so neither is offered.
     */
    static ResidentJson.Report following(TenantDefinition t, CaseView own, List<JournalEntry> ownJournal,
                                         CaseView master, List<JournalEntry> masterJournal) {
        List<ResidentJson.Photo> photos = new ArrayList<>(photos(t.id(), own, ownJournal).stream()
                .filter(p -> p.stage().equals("report")).toList());
        photos.addAll(photos(t.id(), master, masterJournal).stream().filter(p -> p.stage().equals("result")).toList());
        String thumbnail = photos.stream().filter(p -> p.stage().equals("result")).findFirst()
                .or(() -> photos.stream().findFirst()).map(ResidentJson.Photo::thumbnailUrl).orElse(null);
        List<ResidentJson.PublicNote> notes = new ArrayList<>(publicNotes(ownJournal));
        notes.addAll(publicNotes(masterJournal));
        notes.sort(java.util.Comparator.comparing(ResidentJson.PublicNote::at));
        String gridName = own.gridCode() == null ? null : t.grids().find(own.gridCode()).map(GridNode::name).orElse(null);
        return new ResidentJson.Report(own.id(), own.number(), own.categoryCode(), categoryName(t, own), own.title(),
                WireNames.of(master.status()), master.status().labelZh(), own.reportedAt(), master.closedAt(), null,
                false, false, thumbnail, own.description(), own.address(), gridName, notes, photos, null);
    }

    private static String categoryName(TenantDefinition t, CaseView c) {
        return t.category(c.categoryCode()).map(CategoryDefinition::name).orElse(c.categoryCode());
    }
}
