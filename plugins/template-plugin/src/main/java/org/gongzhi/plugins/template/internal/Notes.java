package org.gongzhi.plugins.template.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.InvalidInputException;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * Notes (工作备注) a district keeps, optionally about one grid: the logic behind
 * {@link NotesResource}, without JAX-RS so it is tested with plain JUnit. Records live in
 * collection {@value #COLLECTION}, id = a UUID, ref {@code grid=<code>} when the note names a grid.
 */
public final class Notes {

    static final String COLLECTION = "notes";
    static final int MAX_TEXT = 500;
    static final int MAX_AUTHOR = 40;
    static final int DEFAULT_LIMIT = 50;
    /** Key of {@link #countByGrid} for notes that name no grid (sorts after every grid code). */
    static final String NO_GRID = "~";
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

    /** Notes that check a grid code's form only (for readers: the panel and the report). */
    Notes(PluginStorage storage) {
        this(storage, null);
    }

    /** Notes that also check that a note's grid is in the district's grid tree (API 1.3 lookups). */
    Notes(PluginStorage storage, PluginTenants tenants) {
        this.storage = storage;
        this.tenants = tenants;
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
        if (body.gridCode() != null && tenants != null && tenants.district(tenant, TemplateModel.ID)
                .map(d -> d.grid(body.gridCode()).isEmpty()).orElse(false)) {
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
        List<String> refs = body.gridCode() == null ? List.of() : List.of("grid=" + body.gridCode());
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
     * How many notes were written from {@code from} (inclusive) to {@code to} (exclusive), by grid code,
     * in code order; notes without a grid under {@link #NO_GRID}. Reads every page; writes nothing.
     */
    Map<String, Long> countByGrid(String tenant, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        RecordCollection notes = notes(tenant);
        for (int offset = 0; ; offset += RecordCollection.MAX_LIMIT) {
            List<PluginRecord> page = notes.find(null, offset, RecordCollection.MAX_LIMIT);
            for (PluginRecord r : page) {
                if (!r.createdAt().isBefore(from) && r.createdAt().isBefore(to)) {
                    Object grid = r.data().get("gridCode");
                    counts.merge(grid == null ? NO_GRID : grid.toString(), 1L, Long::sum);
                }
            }
            if (page.size() < RecordCollection.MAX_LIMIT) {
                return counts;
            }
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
