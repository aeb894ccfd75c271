package org.gongzhi.itests;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Makes malformed requests out of an operation of the OpenAPI document: a valid request (the path
 * with valid ids, the body from the document's examples) with exactly one thing broken — a path id,
 * a query parameter, a header, one field of the body (wrong JSON type, NUL, a lone surrogate,
 * overlong UTF-8, an extreme number or date, blank, too long, off pattern or enum, missing,
 * unknown), the body as a whole (malformed, missing) or its Content-Type (charset, media type).
 *
 * <p>Every kind marked {@code mustReject} is invalid by the document (or by issue 12 where the
 * document says nothing, e.g. NUL and lone surrogates), so a 2xx answer to it is a finding.
 */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands in a string for bytes that no Java string can carry; replaced after serialising. */
    private static final String MARK = "\u0001BYTES\u0001";
    private static final Map<String, byte[]> BAD_BYTES = Map.of(
            "overlong-utf8", new byte[] {(byte) 0xC0, (byte) 0xAF},
            "overlong-utf8-3", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            "surrogate-bytes", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            "invalid-utf8", new byte[] {(byte) 0xFF, (byte) 0xFE});
    private static final Map<String, String> BAD_ENCODED = Map.of(
            "overlong-utf8", "%C0%AF", "overlong-utf8-3", "%E0%80%AF",
            "surrogate-bytes", "%ED%A0%80", "invalid-utf8", "%FF%FE");
    private static final List<String> BAD_DATES = List.of("-999999999-01-01", "+999999999-12-31", "2026-02-30",
            "2026-13-01", "0000-00-00", "99999-01-01", "2026-1-1", "yesterday");
    private static final List<String> BAD_INSTANTS = List.of("-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "2026-02-30T00:00:00Z", "2026-03-10T25:00:00Z", "yesterday", "1e30");

    /** Valid values of path parameters, by template and name, and of body fields to put in examples. */
    record Fixtures(String district, String department, Function<String, String> pathValue,
                    Map<String, String> bodyFields, Set<String> realIds) {
    }

    private final Fixtures fixtures;
    private final OpenApi api;

    Mutations(OpenApi api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /**
     * Every kind of malformed request the operation can be given (a path id, each query parameter,
     * each header, fields of each body, the body as a whole, its media type, its absence); empty
     * when it takes no input.
     */
    List<Tuple.Tuple2<Integer, Arbitrary<HostileRequest>>> kinds(OpenApi.Operation op) {
        List<Tuple.Tuple2<Integer, Arbitrary<HostileRequest>>> kinds = new ArrayList<>();
        String user = Callers.forOperation(op, fixtures.district(), fixtures.department());
        for (OpenApi.Param p : op.params()) {
            if (p.in().equals("path")) {
                kinds.add(Tuple.of(1, badPathValue(op, user, p)));
            }
        }
        boolean destructive = op.method().equals("DELETE") || op.bodies().isEmpty() && op.method().equals("POST");
        if (!destructive) { // with valid ids a DELETE or a body-less POST would act: only bad ids for those
            for (OpenApi.Param p : op.params()) {
                if (p.in().equals("query")) {
                    kinds.add(Tuple.of(3, badQueryValue(op, user, p)));
                } else if (p.in().equals("header") && badHeaderValue(op, user, p) != null) {
                    kinds.add(Tuple.of(2, badHeaderValue(op, user, p)));
                }
            }
            for (OpenApi.Body body : op.bodies()) {
                List<JsonNode> bases = bases(body);
                if (bases.isEmpty()) {
                    continue;
                }
                if (body.mediaType().equals("application/json") && bases.get(0).isObject()) {
                    kinds.add(Tuple.of(12, badJsonField(op, user, body, bases)));
                    kinds.add(Tuple.of(1, badJsonWhole(op, user, body)));
                } else if (bases.get(0).isTextual()) {
                    kinds.add(Tuple.of(4, badText(op, user, body, bases)));
                }
                kinds.add(Tuple.of(2, badContentType(op, user, body, bases)));
            }
            if (!op.bodies().isEmpty() && op.bodyRequired()) {
                kinds.add(Tuple.of(1, Arbitraries.of("", "application/json", "text/csv").map(ct -> request(op, "missing-body", null,
                        true, user, path(op, null, null), query(op, Map.of()), ct.isEmpty() ? Map.of()
                                : Map.of("Content-Type", ct), null))));
            }
        }
        return kinds;
    }

    // ---- path ----

    private Arbitrary<HostileRequest> badPathValue(OpenApi.Operation op, String user, OpenApi.Param p) {
        String valid = fixtures.pathValue().apply(op.path() + "#" + p.name());
        JsonNode schema = api.deref(p.schema());
        Pattern pattern = schema != null && schema.has("pattern") ? Pattern.compile(schema.get("pattern").asText()) : null;
        boolean uuid = schema != null && "uuid".equals(schema.path("format").asText()); // upper case is the same UUID
        Arbitrary<String> fixed = Arbitraries.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00",
                "x%00y", "%ED%A0%80", "%C0%AE%C0%AE", "%FF", "..%2F..%2Fetc%2Fpasswd", "-1",
                "99999999999999999999", "%20", enc("吉州区"), "a".repeat(3000), "null", "%7Bid%7D",
                enc(uuid ? "x" + valid : valid.toUpperCase()), enc(valid) + "%00");
        Arbitrary<String> random = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40).map(Mutations::enc);
        return Arbitraries.frequencyOf(Tuple.of(3, fixed), Tuple.of(1, random))
                .filter(v -> !fixtures.realIds().contains(decodedGuess(v)))
                // a well-formed id is not malformed (and a PUT would act on it)
                .filter(v -> pattern == null || !pattern.matcher(decodedGuess(v)).find())
                .map(v -> base(op, user, "bad-path-id", p.name(), true, Map.of(p.name(), v), Map.of(), Map.of()));
    }

    // ---- query ----

    private Arbitrary<HostileRequest> badQueryValue(OpenApi.Operation op, String user, OpenApi.Param p) {
        JsonNode schema = api.deref(p.schema());
        String type = OpenApi.type(schema);
        String valid = p.example() != null ? p.example().asText() : schema != null && schema.has("enum")
                ? schema.get("enum").get(0).asText() : "1";
        List<Arbitrary<String[]>> values = new ArrayList<>(); // {kind, encoded value, mustReject}
        values.add(Arbitraries.of("%00", enc(valid) + "%00", "%00" + enc(valid)).map(v -> new String[] {"nul", v, "y"}));
        values.add(Arbitraries.of(BAD_ENCODED.entrySet().stream().toList())
                .map(e -> new String[] {e.getKey(), enc(valid) + e.getValue(), "y"}));
        boolean constrained = !"string".equals(type) || schema.has("enum") || schema.has("pattern")
                || schema.has("format") || schema.has("minLength");
        // an empty optional parameter may be read as absent: only no 5xx and a clean 4xx are asked of it
        values.add(Arbitraries.of("", "%20", "%09").map(v -> new String[] {"blank", v, "n"}));
        values.add(Arbitraries.strings().all().ofMaxLength(30).map(v -> new String[] {"random", enc(v), "n"}));
        values.add(Arbitraries.of("a".repeat(5000)).map(v -> new String[] {"huge", v, constrained ? "y" : "n"}));
        switch (type == null ? "" : type) {
            case "integer" -> values.add(Arbitraries.of(outOfRangeIntegers(schema, true))
                    .map(v -> new String[] {"extreme-number", enc(v), "y"}));
            case "number" -> values.add(Arbitraries.of("abc", "1e999", "-1e999", "NaN", "Infinity", "0x10")
                    .map(v -> new String[] {"wrong-type", enc(v), "y"}));
            case "boolean" -> values.add(Arbitraries.of("maybe", "2", "yes%00")
                    .map(v -> new String[] {"wrong-type", v, "y"}));
            default -> {
            }
        }
        if (schema != null && "date".equals(schema.path("format").asText())) {
            values.add(Arbitraries.of(BAD_DATES).map(v -> new String[] {"extreme-date", enc(v), "y"}));
        }
        if (schema != null && "date-time".equals(schema.path("format").asText())) {
            values.add(Arbitraries.of(BAD_INSTANTS).map(v -> new String[] {"extreme-date", enc(v), "y"}));
        }
        if (schema != null && schema.has("enum")) {
            values.add(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                    .map(v -> new String[] {"enum", "not-" + v, "y"}));
        }
        return Arbitraries.oneOf(values).map(v -> base(op, user, "query-" + v[0], p.name(), v[2].equals("y"),
                Map.of(), Map.of(p.name(), v[1]), Map.of()));
    }

    private static List<String> outOfRangeIntegers(JsonNode schema, boolean asText) {
        List<String> v = new ArrayList<>(List.of("lots", "1.5", "1e3", "99999999999999999999", "-99999999999999999999",
                "9223372036854775808", "0x10"));
        if (schema.has("minimum")) {
            v.add(Long.toString(schema.get("minimum").asLong() - 1));
            v.add("-2147483649");
        }
        if (schema.has("maximum")) {
            v.add(Long.toString(schema.get("maximum").asLong() + 1));
            v.add("2147483648");
        }
        return v;
    }

    // ---- headers ----

    private Arbitrary<HostileRequest> badHeaderValue(OpenApi.Operation op, String user, OpenApi.Param p) {
        JsonNode schema = api.deref(p.schema());
        List<String> values = new ArrayList<>();
        if (schema.has("maxLength")) {
            values.add("k".repeat(schema.get("maxLength").asInt() + 1));
            values.add("k".repeat(5000));
        }
        if (p.name().equalsIgnoreCase("If-Match")) {
            values.addAll(List.of("abc", "\"x\"", "\"-1\"", "\"99999999999999999999\"", "W/", "\"\"", "\"1.5\""));
        }
        if (values.isEmpty()) {
            return null;
        }
        return Arbitraries.of(values).map(v -> base(op, user, "header", p.name(), true, Map.of(), Map.of(),
                Map.of(p.name(), v)));
    }

    // ---- JSON bodies ----

    /** A slot of a body: where a value is (or could be), its schema and whether it is required. */
    private record Slot(String pointer, JsonNode schema, boolean required, boolean present) {
    }

    private Arbitrary<HostileRequest> badJsonField(OpenApi.Operation op, String user, OpenApi.Body body,
                                                   List<JsonNode> bases) {
        return Arbitraries.of(bases).flatMap(baseBody -> {
            List<Slot> slots = new ArrayList<>();
            slots(body.schema(), baseBody, "", slots, 0);
            List<ObjectNode> objects = new ArrayList<>();
            List<String> objectPointers = new ArrayList<>();
            objects(body.schema(), baseBody, "", objects, objectPointers, 0);
            List<Arbitrary<HostileRequest>> kinds = new ArrayList<>();
            if (!slots.isEmpty()) {
                kinds.add(Arbitraries.of(slots).flatMap(slot -> badValue(slot).map(bad ->
                        jsonRequest(op, user, body, with(baseBody, slot.pointer(), bad.value), bad.kind, slot.pointer(),
                                bad.bytes))));
            }
            if (!objectPointers.isEmpty()) {
                kinds.add(Combinators.combine(Arbitraries.of(objectPointers),
                                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))
                        .as((at, name) -> jsonRequest(op, user, body,
                                with(baseBody, at + "/zz" + name, NODES.textNode("x")), "unknown-field",
                                at + "/(unknown)", null)));
            }
            return kinds.isEmpty() ? Arbitraries.just(jsonRequest(op, user, body, ((ObjectNode) baseBody.deepCopy())
                    .put("zzUnknown", 1), "unknown-field", "/zzUnknown", null)) : Arbitraries.oneOf(kinds);
        });
    }

    private record Bad(String kind, JsonNode value, byte[] bytes) {
        Bad(String kind, JsonNode value) {
            this(kind, value, null);
        }
    }

    /** Bad values for one slot, each invalid by the schema (or by issue 12 for NUL and surrogates). */
    private Arbitrary<Bad> badValue(Slot slot) {
        JsonNode s = slot.schema();
        String type = OpenApi.type(s);
        List<Arbitrary<Bad>> bads = new ArrayList<>();
        bads.add(wrongType(type));
        if (slot.required()) {
            bads.add(Arbitraries.of(new Bad("missing-required", null), new Bad("null-required", NODES.nullNode())));
        }
        if ("string".equals(type)) {
            String valid = validString(s);
            bads.add(Arbitraries.integers().between(0, valid.length()).flatMap(at -> Arbitraries.of(
                    new Bad("nul", NODES.textNode(valid.substring(0, at) + "\u0000" + valid.substring(at))),
                    new Bad("lone-surrogate", NODES.textNode(valid.substring(0, at) + "\uD800" + valid.substring(at))),
                    new Bad("lone-surrogate", NODES.textNode(valid.substring(0, at) + "\uDFFF" + valid.substring(at))))));
            bads.add(Arbitraries.of(BAD_BYTES.entrySet().stream().toList())
                    .map(e -> new Bad(e.getKey(), NODES.textNode(valid + MARK), e.getValue())));
            if (blankIsInvalid(s, slot.required())) {
                bads.add(Arbitraries.of("", " ", "\t", "\u3000").map(v -> new Bad("blank", NODES.textNode(v))));
            }
            if (s.has("maxLength")) {
                int max = s.get("maxLength").asInt();
                bads.add(Arbitraries.integers().between(1, 100).map(n -> new Bad("too-long", NODES.textNode("长".repeat(max + n)))));
            }
            if (s.has("pattern")) {
                Pattern p = Pattern.compile(s.get("pattern").asText());
                bads.add(Arbitraries.strings().all().ofMaxLength(20).map(v -> valid + "!" + v)
                        .filter(v -> !p.matcher(v).find()).map(v -> new Bad("pattern", NODES.textNode(v))));
            }
            if (s.has("enum")) {
                bads.add(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .map(v -> new Bad("enum", NODES.textNode("not-" + v))));
            }
            String format = s.path("format").asText();
            if (format.equals("date")) {
                bads.add(Arbitraries.of(BAD_DATES).map(v -> new Bad("extreme-date", NODES.textNode(v))));
            } else if (format.equals("date-time")) {
                bads.add(Arbitraries.of(BAD_INSTANTS).map(v -> new Bad("extreme-date", NODES.textNode(v))));
            } else if (format.equals("uuid")) {
                bads.add(Arbitraries.of("not-a-uuid", "0", "00000000-0000-0000-0000-00000000000g")
                        .map(v -> new Bad("format", NODES.textNode(v))));
            }
        } else if ("integer".equals(type) || "number".equals(type)) {
            List<Bad> numbers = new ArrayList<>();
            numbers.add(new Bad("extreme-number", number("1e400")));
            numbers.add(new Bad("extreme-number", number("-1e400")));
            if ("integer".equals(type)) {
                numbers.add(new Bad("extreme-number", number("9223372036854775808")));
                numbers.add(new Bad("extreme-number", number("-9223372036854775809")));
                numbers.add(new Bad("extreme-number", number("1.5")));
            }
            if (s.has("minimum")) {
                numbers.add(new Bad("extreme-number", number(s.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE).toPlainString())));
                numbers.add(new Bad("extreme-number", number("-2147483649")));
            }
            if (s.has("maximum")) {
                numbers.add(new Bad("extreme-number", number(s.get("maximum").decimalValue().add(java.math.BigDecimal.ONE).toPlainString())));
                numbers.add(new Bad("extreme-number", number("2147483648")));
            }
            bads.add(Arbitraries.of(numbers));
        } else if ("array".equals(type)) {
            if (s.has("maxItems")) {
                int max = s.get("maxItems").asInt();
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= max; i++) {
                    many.add(validItem(s.get("items"), i));
                }
                bads.add(Arbitraries.just(new Bad("too-many-items", many)));
            }
            if (s.path("minItems").asInt(0) >= 1) {
                bads.add(Arbitraries.just(new Bad("too-few-items", NODES.arrayNode())));
            }
        }
        return Arbitraries.oneOf(bads);
    }

    private static Arbitrary<Bad> wrongType(String type) {
        List<JsonNode> wrong = new ArrayList<>();
        JsonNode number = NODES.numberNode(42);
        JsonNode bool = NODES.booleanNode(true);
        JsonNode array = NODES.arrayNode().add("x");
        JsonNode emptyArray = NODES.arrayNode();
        JsonNode object = NODES.objectNode().put("a", "b");
        JsonNode emptyObject = NODES.objectNode();
        JsonNode text = NODES.textNode("5");
        switch (type == null ? "" : type) {
            case "string" -> wrong.addAll(List.of(number, NODES.numberNode(1.5), bool, array, emptyArray, object, emptyObject));
            case "integer", "number" -> wrong.addAll(List.of(text, NODES.textNode(""), NODES.textNode(" "),
                    NODES.textNode("\u0000"), bool, array, object));
            case "boolean" -> wrong.addAll(List.of(text, NODES.textNode("true"), number, array, object));
            case "array" -> wrong.addAll(List.of(text, number, bool, object));
            case "object" -> wrong.addAll(List.of(text, number, bool, array));
            default -> wrong.addAll(List.of(array, object));
        }
        return Arbitraries.of(wrong).map(v -> new Bad("wrong-type", v));
    }

    private Arbitrary<HostileRequest> badJsonWhole(OpenApi.Operation op, String user, OpenApi.Body body) {
        List<String[]> whole = List.of(new String[] {"malformed", "{"}, new String[] {"malformed", "{\"a\":"},
                new String[] {"malformed", "[1,2]"}, new String[] {"malformed", "null"},
                new String[] {"malformed", "\"text\""}, new String[] {"malformed", "42"},
                new String[] {"malformed", "{'title':'x'}"}, new String[] {"malformed", "{\"a\":NaN}"},
                new String[] {"malformed", "{} trailing"}, new String[] {"malformed", "{/*c*/}"},
                new String[] {"deep-nesting", "[".repeat(20_000) + "]".repeat(20_000)},
                new String[] {"deep-nesting", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)},
                new String[] {"utf16-as-utf8", "\u0000{\u0000}"});
        // "null" is no body: where the body may be left out it is a valid request that would act on the real
        // district (a bare suspend suspends), so it is sent only where the body is required
        List<String[]> sent = op.bodyRequired() ? whole : whole.stream().filter(w -> !w[1].equals("null")).toList();
        return Arbitraries.of(sent).map(w -> request(op, w[0], null, true, user,
                path(op, null, null),
                query(op, Map.of()), Map.of("Content-Type", body.mediaType()), w[1].getBytes(StandardCharsets.UTF_8)));
    }

    private Arbitrary<HostileRequest> badContentType(OpenApi.Operation op, String user, OpenApi.Body body,
                                                     List<JsonNode> bases) {
        byte[] valid = bases.get(0).isTextual()
                ? firstRecord(bases.get(0).asText(), body.mediaType()).getBytes(StandardCharsets.UTF_8)
                : bytes(bases.get(0), null);
        Arbitrary<String[]> charsets = Arbitraries.of("foo", "utf-7", "UTF-7", "x-unknown", "\"\"", "utf-8x", "ebcdic-xyz")
                .map(c -> new String[] {"charset", body.mediaType() + "; charset=" + c});
        Arbitrary<String[]> media = Arbitraries.of("text/plain", "application/octet-stream", "image/png",
                        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "json", "*/*",
                        body.mediaType().equals("application/json") ? "application/xml" : "application/pdf")
                .map(m -> new String[] {"media-type", m});
        return Arbitraries.oneOf(charsets, media).map(ct -> request(op, ct[0], null, true, user, path(op, null, null),
                query(op, Map.of()), Map.of("Content-Type", ct[1]), valid));
    }

    // ---- text bodies (hotline batches) ----

    private Arbitrary<HostileRequest> badText(OpenApi.Operation op, String user, OpenApi.Body body, List<JsonNode> bases) {
        String text = firstRecord(bases.get(0).asText(), body.mediaType());
        List<int[]> cells = cells(text, body.mediaType());
        return Combinators.combine(Arbitraries.of(cells), Arbitraries.of("nul", "lone-surrogate-bytes", "overlong-utf8",
                        "overlong-utf8-3", "invalid-utf8"))
                .as((cell, kind) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] head = text.substring(0, cell[1]).getBytes(StandardCharsets.UTF_8);
                    byte[] tail = text.substring(cell[1]).getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(head);
                    out.writeBytes(switch (kind) {
                        case "nul" -> new byte[] {0};
                        case "lone-surrogate-bytes" -> BAD_BYTES.get("surrogate-bytes");
                        default -> BAD_BYTES.get(kind);
                    });
                    out.writeBytes(tail);
                    // a row with a bad cell is rejected by itself (200, created 0) or the file is (4xx)
                    return request(op, "cell-" + kind, "cell " + cell[0], false, user, path(op, null, null),
                            query(op, Map.of()), Map.of("Content-Type", body.mediaType() + "; charset=UTF-8"), out.toByteArray());
                });
    }

    /** The header and the first record of a CSV batch, or an XML batch as it is. */
    private static String firstRecord(String text, String mediaType) {
        if (mediaType.startsWith("text/csv")) {
            String[] lines = text.split("\n");
            return lines[0] + "\n" + lines[1] + "\n";
        }
        return text;
    }

    /** {cell number, offset} of every data cell's end: where a bad byte goes. */
    private static List<int[]> cells(String text, String mediaType) {
        List<int[]> cells = new ArrayList<>();
        if (mediaType.startsWith("text/csv")) {
            int start = text.indexOf('\n') + 1;
            int n = 0;
            for (int i = start; i < text.length(); i++) {
                if (text.charAt(i) == ',' || text.charAt(i) == '\n') {
                    cells.add(new int[] {n++, i});
                }
            }
        } else {
            int n = 0;
            for (int i = text.indexOf("</", text.indexOf("<ticket>")); i > 0; i = text.indexOf("</", i + 2)) {
                if (text.charAt(i - 1) != '>') {
                    cells.add(new int[] {n++, i});
                }
            }
        }
        return cells;
    }

    // ---- building blocks ----

    /** Examples of the body with the fixtures' field values put in (e.g. a real dispatch id). */
    private List<JsonNode> bases(OpenApi.Body body) {
        List<JsonNode> bases = new ArrayList<>();
        for (JsonNode e : body.examples()) {
            JsonNode copy = e.deepCopy();
            if (copy.isObject()) {
                fixtures.bodyFields().forEach((field, value) -> {
                    if (copy.has(field)) {
                        ((ObjectNode) copy).put(field, value);
                    }
                });
            }
            bases.add(copy);
        }
        if (bases.isEmpty() && body.schema() != null && body.schema().has("properties")) {
            ObjectNode made = NODES.objectNode(); // no example: the required properties from their examples/enums
            for (JsonNode name : body.schema().path("required")) {
                JsonNode s = api.deref(body.schema().get("properties").get(name.asText()));
                made.set(name.asText(), s.has("example") ? s.get("example")
                        : s.has("enum") ? s.get("enum").get(0) : NODES.textNode("x"));
            }
            bases.add(made);
        }
        return bases;
    }

    private void slots(JsonNode schema, JsonNode value, String at, List<Slot> slots, int depth) {
        schema = api.deref(schema);
        if (schema == null || depth > 3 || !schema.has("properties")) {
            return;
        }
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode ps = api.deref(p.getValue());
            String pointer = at + "/" + p.getKey();
            JsonNode present = value == null ? null : value.get(p.getKey());
            slots.add(new Slot(pointer, ps, required.contains(p.getKey()) && present != null, present != null));
            if (present != null && present.isObject()) {
                slots(ps, present, pointer, slots, depth + 1);
            } else if (present != null && present.isArray() && !present.isEmpty()) {
                JsonNode items = api.deref(ps.get("items"));
                slots.add(new Slot(pointer + "/0", items, false, true));
                if (present.get(0).isObject()) {
                    slots(items, present.get(0), pointer + "/0", slots, depth + 1);
                }
            }
        }
    }

    private void objects(JsonNode schema, JsonNode value, String at, List<ObjectNode> objects, List<String> pointers,
                         int depth) {
        schema = api.deref(schema);
        if (schema == null || depth > 3 || !schema.has("properties") || value == null || !value.isObject()) {
            return;
        }
        pointers.add(at);
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode present = value.get(p.getKey());
            JsonNode ps = api.deref(p.getValue());
            if (present != null && present.isObject()) {
                objects(ps, present, at + "/" + p.getKey(), objects, pointers, depth + 1);
            } else if (present != null && present.isArray() && !present.isEmpty() && present.get(0).isObject()) {
                objects(ps.get("items"), present.get(0), at + "/" + p.getKey() + "/0", objects, pointers, depth + 1);
            }
        }
    }

    /** A copy of {@code base} with the value at {@code pointer} replaced (null: removed). */
    private static JsonNode with(JsonNode base, String pointer, JsonNode value) {
        JsonNode copy = base.deepCopy();
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            int i = p.last().getMatchingIndex();
            if (value == null) {
                a.remove(i);
            } else {
                a.set(i, value);
            }
        }
        return copy;
    }

    private HostileRequest jsonRequest(OpenApi.Operation op, String user, OpenApi.Body body, JsonNode json,
                                       String kind, String pointer, byte[] badBytes) {
        return request(op, kind, pointer, true, user, path(op, null, null), query(op, Map.of()),
                Map.of("Content-Type", body.mediaType()), bytes(json, badBytes));
    }

    private static byte[] bytes(JsonNode json, byte[] badBytes) {
        try {
            byte[] plain = JSON.writeValueAsBytes(json);
            if (badBytes == null) {
                return plain;
            }
            byte[] mark = JSON.writeValueAsString(MARK).replace("\"", "").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = indexOf(plain, mark);
            out.write(plain, 0, at);
            out.writeBytes(badBytes);
            out.write(plain, at + mark.length, plain.length - at - mark.length);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    private HostileRequest base(OpenApi.Operation op, String user, String kind, String target, boolean mustReject,
                                Map<String, String> pathOverrides, Map<String, String> queryOverrides,
                                Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        byte[] body = null;
        if (!op.bodies().isEmpty()) {
            OpenApi.Body b = op.bodies().get(0);
            List<JsonNode> bases = bases(b);
            if (!bases.isEmpty()) {
                h.put("Content-Type", b.mediaType());
                // a text batch (hotline) with its header only: a valid ticket would become a case
                body = bases.get(0).isTextual() ? (b.mediaType().startsWith("text/csv")
                        ? bases.get(0).asText().split("\n")[0] + "\n" : bases.get(0).asText().replaceAll(
                        "(?s)<ticket>.*</ticket>", "")).getBytes(StandardCharsets.UTF_8) : bytes(bases.get(0), null);
            }
        }
        return request(op, kind, target, mustReject, user, path(op, pathOverrides, null), query(op, queryOverrides), h, body);
    }

    private static HostileRequest request(OpenApi.Operation op, String kind, String target, boolean mustReject,
                                          String user, String path, String query, Map<String, String> headers,
                                          byte[] body) {
        return new HostileRequest(op, kind, target, mustReject, user, path + query, headers, body);
    }

    private String path(OpenApi.Operation op, Map<String, String> overrides, Object unused) {
        String path = op.path();
        for (OpenApi.Param p : op.params()) {
            if (p.in().equals("path")) {
                String v = overrides != null && overrides.containsKey(p.name()) ? overrides.get(p.name())
                        : enc(fixtures.pathValue().apply(op.path() + "#" + p.name()));
                path = path.replace("{" + p.name() + "}", v);
            }
        }
        return path;
    }

    /** The required query parameters with valid values, and the overrides (already encoded). */
    private String query(OpenApi.Operation op, Map<String, String> overrides) {
        StringBuilder q = new StringBuilder();
        for (OpenApi.Param p : op.params()) {
            String v = null;
            if (overrides.containsKey(p.name())) {
                v = overrides.get(p.name());
            } else if (p.in().equals("query") && p.required()) {
                v = enc(p.example() != null ? p.example().asText() : "x");
            }
            if (v != null && p.in().equals("query")) {
                q.append(q.length() == 0 ? "?" : "&").append(enc(p.name())).append('=').append(v);
            }
        }
        return q.toString();
    }

    private static String validString(JsonNode s) {
        if (s.has("enum")) {
            return s.get("enum").get(0).asText();
        }
        if (s.has("example")) {
            return s.get("example").asText();
        }
        return "有效";
    }

    private static JsonNode validItem(JsonNode items, int i) {
        return items != null && items.path("pattern").asText().startsWith("^https?")
                ? NODES.textNode("https://files.example.cn/" + i + ".jpg") : NODES.textNode("x" + i);
    }

    private static boolean blankIsInvalid(JsonNode s, boolean required) {
        return required || s.path("minLength").asInt(0) >= 1 || s.has("enum") || s.has("pattern") || s.has("format");
    }

    private static JsonNode number(String literal) {
        try {
            return JSON.readTree(literal);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes the UTF-8 bytes of {@code s} (a lone surrogate becomes {@code ?}, i.e. %3F). */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decodedGuess(String encoded) {
        try {
            return java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
