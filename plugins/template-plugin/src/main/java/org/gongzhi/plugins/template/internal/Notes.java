package org.gongzhi.plugins.template.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.RecordQuery;

/**
 * Notes (工作备注) a district keeps, optionally about one grid: the logic behind
 * {@link NotesResource}, without JAX-RS so it is tested with plain JUnit. Records live in
 * collection {@value #COLLECTION}, id = a UUID, with refs (plugin API 1.3 queries count on them):
 * <ul>
 *   <li>{@code day=<yyyy-MM-dd>}, the day it was written (Asia/Shanghai), for counting a period;</li>
 *   <li>{@code grid=<code>} when the note names a grid, for listing a grid's notes;</li>
 *   <li>{@code in=<code>} for the named grid and every node above it in the district's grid tree, for
 *       counting a subtree.</li>
 * </ul>
 */
public final class Notes {

    static final String COLLECTION = "notes";
    static final int MAX_TEXT = 500;
    static final int MAX_AUTHOR = 40;
    static final int DEFAULT_LIMIT = 50;
    /** Key of {@link #countByGrid} for notes that name no grid (sorts after every grid code). */
    static final String NO_GRID = "~";
    /** Ref name of the day a note was written. */
    static final String DAY = "day";
    /** Ref name of the grid-tree nodes a note lies in (its grid and the grid's ancestors). */
    static final String IN = "in";
    private static final Pattern GRID = Pattern.compile("\\d{6,17}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    /** Body of {@code POST …/notes}. */
    public record NewNote(String text, String gridCode, String author) {
    }

    /** A note as the API shows it. */
    public record Note(String id, String text, String gridCode, String author, Instant createdAt) {
    }

    /** One page of notes, oldest first. */
    public record Page(List<Note> items, long total, int offset, int limit) {
    }

    private final PluginStorage storage;
    private final PluginTenants tenants;
    private final Clock clock;

    /** Notes on the system clock. */
    Notes(PluginStorage storage, PluginTenants tenants) {
        this(storage, tenants, Clock.system(TemplateModel.ZONE));
    }

    /**
     * Notes whose grids are checked against the district's grid tree and counted along it (API 1.3
     * lookups); {@code clock} dates a new note's {@code day=} ref (tests: the storage's clock).
     */
    Notes(PluginStorage storage, PluginTenants tenants, Clock clock) {
        this.storage = storage;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Stores a new note; InvalidInputException names the field at fault. */
    Note add(String tenant, NewNote body) {
        if (body == null) {
            throw new InvalidInputException("body", "请求体不能为空 (a JSON body is required)");
        }
        if (body.text() == null || body.text().isBlank()) {
            throw new InvalidInputException("text", "必填项 (required): text");
        }
        if (body.text().length() > MAX_TEXT) {
            throw new InvalidInputException("text", "备注不能超过 " + MAX_TEXT + " 字 (at most " + MAX_TEXT + " characters)");
        }
        if (body.gridCode() != null && !GRID.matcher(body.gridCode()).matches()) {
            throw new InvalidInputException("gridCode", "网格编码应为 6–17 位数字 (a grid code is 6 to 17 digits): "
                    + body.gridCode());
        }
        DistrictFacts district = tenants.district(tenant, TemplateModel.ID).orElse(null);
        if (body.gridCode() != null && district != null && district.grid(body.gridCode()).isEmpty()) {
            throw new InvalidInputException("gridCode", "本区网格树中没有这个网格 (no such grid in the district): "
                    + body.gridCode());
        }
        if (body.author() != null && body.author().length() > MAX_AUTHOR) {
            throw new InvalidInputException("author", "署名不能超过 " + MAX_AUTHOR + " 字 (at most " + MAX_AUTHOR + " characters)");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", body.text().strip());
        data.put("gridCode", body.gridCode());
        data.put("author", body.author());
        List<String> refs = new ArrayList<>();
        refs.add(DAY + "=" + LocalDate.ofInstant(clock.instant(), TemplateModel.ZONE));
        if (body.gridCode() != null) {
            refs.add("grid=" + body.gridCode());
            if (district != null) {
                district.pathTo(body.gridCode()).forEach(g -> refs.add(IN + "=" + g.code()));
            }
        }
        return note(notes(tenant).put(UUID.randomUUID().toString(), data, refs, 0L));
    }

    /** Notes of the tenant, or of one grid when {@code grid} is given, oldest first. */
    Page list(String tenant, String grid, String offset, String limit) {
        int from = number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = number("limit", limit, DEFAULT_LIMIT, 1, RecordCollection.MAX_LIMIT);
        String ref = grid == null || grid.isBlank() ? null : "grid=" + grid.strip();
        RecordCollection notes = notes(tenant);
        List<Note> items = notes.find(ref, from, size).stream().map(Notes::note).toList();
        return new Page(items, notes.count(ref), from, size);
    }

    /** One note; empty when there is none with that id. */
    Optional<Note> get(String tenant, String id) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            return Optional.empty();
        }
        return notes(tenant).get(id).map(Notes::note);
    }

    /**
     * How many notes were written on the days {@code [from, to)}, by grid code, in code order; notes
     * without a grid under {@link #NO_GRID}. Counted in the database ({@link RecordCollection#countOf}):
     * the period's total, then down the district's grid tree only into subtrees that hold notes, so
     * the number of counts grows with the grids that have notes, not with the size of the tree.
     * Reads no record; writes nothing. A note whose grid has since left the tree counts under its
     * nearest remaining ancestor.
     */
    Map<String, Long> countByGrid(String tenant, LocalDate from, LocalDate to) {
        Map<String, Long> counts = new TreeMap<>();
        RecordCollection notes = notes(tenant);
        RecordQuery period = RecordQuery.all().range(DAY, from.toString(), to.toString());
        long total = notes.countOf(period);
        if (total == 0) {
            return counts;
        }
        DistrictFacts district = tenants.district(tenant, TemplateModel.ID).orElse(null);
        long inTree = 0;
        if (district != null) {
            DistrictGrid root = district.rootGrid();
            inTree = notes.countOf(period.ref(IN + "=" + root.code()));
            if (inTree > 0) {
                countDown(notes, period, district, root, inTree, counts);
            }
        }
        if (total > inTree) {
            counts.put(NO_GRID, total - inTree);
        }
        return counts;
    }

    /** Splits the {@code inNode} notes lying in {@code node}'s subtree between its children and itself. */
    private static void countDown(RecordCollection notes, RecordQuery period, DistrictFacts district, DistrictGrid node,
                                  long inNode, Map<String, Long> counts) {
        long below = 0;
        for (DistrictGrid child : district.children(node.code())) {
            long inChild = notes.countOf(period.ref(IN + "=" + child.code()));
            if (inChild > 0) {
                below += inChild;
                countDown(notes, period, district, child, inChild, counts);
            }
        }
        if (inNode > below) {
            counts.put(node.code(), inNode - below);
        }
    }

    private RecordCollection notes(String tenant) {
        return storage.collection(tenant, TemplateModel.ID, COLLECTION);
    }

    private static Note note(PluginRecord r) {
        Map<String, Object> d = r.data();
        return new Note(r.id(), (String) d.get("text"), (String) d.get("gridCode"), (String) d.get("author"),
                r.createdAt());
    }

    private static int number(String field, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(field, field + " 应为 " + min + " 到 " + max + " 之间的整数 (an integer from "
                + min + " to " + max + "): " + value);
    }
}
