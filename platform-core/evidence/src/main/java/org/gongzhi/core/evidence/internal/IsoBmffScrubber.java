package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes location and camera metadata from an ISO base media file (HEIC/HEIF photos, MP4 and QuickTime videos)
 * <em>in place</em>, without moving a byte: payloads are overwritten with zeros and boxes that only carry metadata
 * are renamed {@code free}, so every size, offset and chunk table of the file stays valid and it still plays or
 * decodes. No Java library decodes HEIC or rewrites MP4 metadata, hence this walk over the box headers (the media
 * data itself is never read).
 *
 * <ul>
 *   <li>HEIC/HEIF: the payloads of the {@code Exif} items and of XMP ({@code mime} items of type
 *       {@code application/rdf+xml}), found through {@code meta/iinf} and {@code meta/iloc} (file or {@code idat}
 *       offsets), are zero-filled.</li>
 *   <li>MP4/QuickTime: {@code ©xyz} (ISO 6709 location), {@code loci} (3GPP location), {@code XMP_} and the XMP
 *       {@code uuid} box become {@code free} with zero payloads; in QuickTime {@code meta} ({@code keys} +
 *       {@code ilst}) the values of every {@code com.apple.quicktime.location.*} key are zero-filled.</li>
 * </ul>
 * The walk is bounded (depth, box count) and refuses boxes that overrun their parent: such a file is
 * {@link MalformedException malformed}.
 */
final class IsoBmffScrubber {

    /** What the walk found and removed; {@code iso6709}/{@code createdAt} are the video's capture facts, if any. */
    record Result(int removed, String iso6709, Instant createdAt) {
    }

    /** The box structure is broken. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private static final int MAX_DEPTH = 12;
    private static final int MAX_BOXES = 200_000;
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "udta", "edts", "dinf");
    private static final Set<String> LOCATION_BOXES = Set.of("\u00a9xyz", "loci", "XMP_");
    private static final byte[] XMP_UUID = hex("be7acfcb97a942e89c71999491e3afac");
    private static final long SECONDS_1904_TO_1970 = 2_082_844_800L;

    private final FileChannel channel;
    private final long fileSize;
    private final boolean write;
    private int boxes;
    private int removed;
    private String iso6709;
    private Instant createdAt;

    private IsoBmffScrubber(FileChannel channel, boolean write) throws IOException {
        this.channel = channel;
        this.write = write;
        this.fileSize = channel.size();
    }

    /** Scrubs {@code file} in place. */
    static Result scrub(Path file) throws IOException, MalformedException {
        return walk(file, true);
    }

    /** Walks {@code file} without changing it: what {@link #scrub} would remove and the facts it would find. */
    static Result inspect(Path file) throws IOException, MalformedException {
        return walk(file, false);
    }

    private static Result walk(Path file, boolean write) throws IOException, MalformedException {
        try (FileChannel channel = write
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ)) {
            IsoBmffScrubber scrubber = new IsoBmffScrubber(channel, write);
            scrubber.walk(0, scrubber.fileSize, 0);
            return new Result(scrubber.removed, scrubber.iso6709, scrubber.createdAt);
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedException("box shorter than its fields");
        }
    }

    private void walk(long start, long end, int depth) throws IOException, MalformedException {
        if (depth > MAX_DEPTH) {
            throw new MalformedException("boxes nested too deep");
        }
        long position = start;
        while (end - position >= 8) {
            Box box = box(position, end);
            visit(box, depth);
            position = box.end();
        }
    }

    private Box box(long position, long end) throws IOException, MalformedException {
        if (++boxes > MAX_BOXES) {
            throw new MalformedException("too many boxes");
        }
        ByteBuffer header = read(position, 8);
        long size = header.getInt() & 0xffffffffL;
        String type = fourCc(header);
        int headerLength = 8;
        if (size == 1) {
            if (end - position < 16) {
                throw new MalformedException("truncated box header");
            }
            size = read(position + 8, 8).getLong();
            headerLength = 16;
        } else if (size == 0) {
            size = end - position;
        }
        if ("uuid".equals(type)) {
            headerLength += 16;
        }
        if (size < headerLength || size > end - position) {
            throw new MalformedException("box '" + printable(type) + "' overruns its parent");
        }
        return new Box(type, position, headerLength, size);
    }

    private void visit(Box box, int depth) throws IOException, MalformedException {
        if (LOCATION_BOXES.contains(box.type())) {
            if ("\u00a9xyz".equals(box.type()) && iso6709 == null) {
                iso6709 = quickTimeString(box);
            }
            erase(box);
        } else if ("uuid".equals(box.type())) {
            byte[] uuid = new byte[16];
            read(box.start() + box.headerLength() - 16, 16).get(uuid);
            if (java.util.Arrays.equals(uuid, XMP_UUID)) {
                erase(box);
            }
        } else if (CONTAINERS.contains(box.type())) {
            walk(box.payload(), box.end(), depth + 1);
        } else if ("meta".equals(box.type())) {
            meta(box, depth);
        } else if ("mvhd".equals(box.type()) && createdAt == null) {
            createdAt = movieCreation(box);
        }
    }

    /** {@code meta}: a full box in ISO files, a plain container in QuickTime. */
    private void meta(Box meta, int depth) throws IOException, MalformedException {
        long children = meta.payload();
        if (meta.end() - children >= 12) {
            ByteBuffer peek = read(children, 12);
            peek.position(4);
            String firstChildType = fourCc(peek);
            if (!"hdlr".equals(firstChildType) && !"keys".equals(firstChildType) && !"ilst".equals(firstChildType)) {
                children += 4; // version and flags
            }
        }
        Map<String, Box> parts = new HashMap<>();
        long position = children;
        List<Box> others = new ArrayList<>();
        while (meta.end() - position >= 8) {
            Box child = box(position, meta.end());
            parts.putIfAbsent(child.type(), child);
            others.add(child);
            position = child.end();
        }
        if (parts.containsKey("iinf") && parts.containsKey("iloc")) {
            eraseItems(parts.get("iinf"), parts.get("iloc"), parts.get("idat"));
        }
        if (parts.containsKey("keys") && parts.containsKey("ilst")) {
            eraseLocationKeys(parts.get("keys"), parts.get("ilst"));
        }
        for (Box child : others) {
            if (!"iinf".equals(child.type()) && !"iloc".equals(child.type()) && !"idat".equals(child.type())
                    && !"keys".equals(child.type()) && !"ilst".equals(child.type())) {
                visit(child, depth + 1);
            }
        }
    }

    /** HEIF: zero-fills the payloads of Exif and XMP items. */
    private void eraseItems(Box iinf, Box iloc, Box idat) throws IOException, MalformedException {
        Set<Long> metadataItems = metadataItemIds(iinf);
        if (metadataItems.isEmpty()) {
            return;
        }
        ByteBuffer b = read(iloc.payload(), (int) Math.min(iloc.end() - iloc.payload(), 1 << 24));
        try {
            int version = b.get() & 0xff;
            b.position(4);
            int sizes = b.getShort() & 0xffff;
            int offsetSize = sizes >> 12;
            int lengthSize = (sizes >> 8) & 0xf;
            int baseOffsetSize = (sizes >> 4) & 0xf;
            int indexSize = version == 1 || version == 2 ? sizes & 0xf : 0;
            long itemCount = version < 2 ? b.getShort() & 0xffff : b.getInt() & 0xffffffffL;
            for (long i = 0; i < itemCount; i++) {
                long itemId = version < 2 ? b.getShort() & 0xffff : b.getInt() & 0xffffffffL;
                int constructionMethod = version == 1 || version == 2 ? b.getShort() & 0xf : 0;
                int dataReference = b.getShort() & 0xffff;
                long baseOffset = number(b, baseOffsetSize);
                int extentCount = b.getShort() & 0xffff;
                for (int e = 0; e < extentCount; e++) {
                    number(b, indexSize);
                    long offset = baseOffset + number(b, offsetSize);
                    long length = number(b, lengthSize);
                    if (!metadataItems.contains(itemId) || dataReference != 0) {
                        continue;
                    }
                    if (constructionMethod == 0) {
                        zero(offset, length == 0 ? fileSize - offset : length, 0, fileSize);
                    } else if (constructionMethod == 1 && idat != null) {
                        long from = idat.payload() + offset;
                        zero(from, length == 0 ? idat.end() - from : length, idat.payload(), idat.end());
                    }
                }
                if (metadataItems.contains(itemId)) {
                    removed++;
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedException("truncated iloc");
        }
    }

    private Set<Long> metadataItemIds(Box iinf) throws IOException, MalformedException {
        ByteBuffer header = read(iinf.payload(), 4);
        int version = header.get() & 0xff;
        long position = iinf.payload() + 4 + (version == 0 ? 2 : 4);
        Set<Long> ids = new HashSet<>();
        while (iinf.end() - position >= 8) {
            Box infe = box(position, iinf.end());
            position = infe.end();
            if (!"infe".equals(infe.type())) {
                continue;
            }
            ByteBuffer b = read(infe.payload(), (int) Math.min(infe.end() - infe.payload(), 4096));
            try {
                int infeVersion = b.get() & 0xff;
                b.position(4);
                if (infeVersion < 2) {
                    continue; // no item types before version 2
                }
                long id = infeVersion == 2 ? b.getShort() & 0xffff : b.getInt() & 0xffffffffL;
                b.getShort(); // protection index
                String itemType = fourCc(b);
                if ("Exif".equals(itemType)) {
                    ids.add(id);
                } else if ("mime".equals(itemType)) {
                    cString(b); // item name
                    String contentType = cString(b).toLowerCase(java.util.Locale.ROOT);
                    if (contentType.contains("rdf+xml") || contentType.contains("xmp")) {
                        ids.add(id);
                    }
                }
            } catch (java.nio.BufferUnderflowException e) {
                throw new MalformedException("truncated infe");
            }
        }
        return ids;
    }

    /** QuickTime metadata: zero-fills the values of {@code com.apple.quicktime.location.*} keys. */
    private void eraseLocationKeys(Box keys, Box ilst) throws IOException, MalformedException {
        ByteBuffer b = read(keys.payload(), (int) Math.min(keys.end() - keys.payload(), 1 << 20));
        Map<Long, String> names = new HashMap<>();
        try {
            b.position(4);
            long count = b.getInt() & 0xffffffffL;
            for (long index = 1; index <= count; index++) {
                int size = b.getInt();
                if (size < 8 || size - 4 > b.remaining()) {
                    throw new MalformedException("bad key entry");
                }
                b.getInt(); // namespace
                byte[] name = new byte[size - 8];
                b.get(name);
                names.put(index, new String(name, StandardCharsets.UTF_8));
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedException("truncated keys");
        }
        long position = ilst.payload();
        while (ilst.end() - position >= 8) {
            Box item = box(position, ilst.end());
            position = item.end();
            long index = read(item.start() + 4, 4).getInt() & 0xffffffffL;
            String name = names.getOrDefault(index, "");
            if (!name.startsWith("com.apple.quicktime.location")) {
                continue;
            }
            long dataPosition = item.payload();
            while (item.end() - dataPosition >= 8) {
                Box data = box(dataPosition, item.end());
                dataPosition = data.end();
                if ("data".equals(data.type()) && data.end() - data.payload() >= 8) {
                    long value = data.payload() + 8; // type indicator, locale
                    if (name.equals("com.apple.quicktime.location.ISO6709") && iso6709 == null) {
                        iso6709 = text(value, data.end() - value);
                    }
                    zero(value, data.end() - value, 0, fileSize);
                }
            }
            removed++;
        }
    }

    private Instant movieCreation(Box mvhd) throws IOException {
        if (mvhd.end() - mvhd.payload() < 12) {
            return null;
        }
        ByteBuffer b = read(mvhd.payload(), 12);
        int version = b.get() & 0xff;
        b.position(4);
        long seconds = version == 1 ? b.getLong() : b.getInt() & 0xffffffffL;
        long epoch = seconds - SECONDS_1904_TO_1970;
        // 0 means unset; anything before 2000 or in the far future is a default, not a capture time
        return epoch > 946_684_800L && epoch < 32_503_680_000L ? Instant.ofEpochSecond(epoch) : null;
    }

    /** {@code ©xyz}: a 16-bit length, a 16-bit language, then the text. */
    private String quickTimeString(Box box) throws IOException {
        long available = box.end() - box.payload();
        if (available < 4) {
            return null;
        }
        int length = read(box.payload(), 4).getShort() & 0xffff;
        return text(box.payload() + 4, Math.min(length, available - 4));
    }

    private String text(long position, long length) throws IOException {
        if (length <= 0 || length > 256) {
            return null;
        }
        ByteBuffer b = read(position, (int) length);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8).trim();
    }

    /** Renames the box {@code free} and zero-fills its payload (the uuid of a {@code uuid} box too). */
    private void erase(Box box) throws IOException {
        long payloadStart = box.start() + ("uuid".equals(box.type()) ? box.headerLength() - 16 : box.headerLength());
        zeroUnchecked(payloadStart, box.end() - payloadStart);
        if (write) {
            channel.write(ByteBuffer.wrap("free".getBytes(StandardCharsets.US_ASCII)), box.start() + 4);
        }
        removed++;
    }

    private void zero(long from, long length, long lowest, long highest) throws IOException, MalformedException {
        if (from < lowest || length < 0 || from + length > highest) {
            throw new MalformedException("item outside its data");
        }
        zeroUnchecked(from, length);
    }

    private void zeroUnchecked(long from, long length) throws IOException {
        if (!write) {
            return;
        }
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(length, 65536));
        long position = from;
        long left = length;
        while (left > 0) {
            zeros.clear().limit((int) Math.min(left, zeros.capacity()));
            int written = channel.write(zeros, position);
            position += written;
            left -= written;
        }
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static long number(ByteBuffer b, int size) throws MalformedException {
        return switch (size) {
            case 0 -> 0;
            case 4 -> b.getInt() & 0xffffffffL;
            case 8 -> b.getLong();
            default -> throw new MalformedException("bad iloc field size " + size);
        };
    }

    private static String fourCc(ByteBuffer b) {
        byte[] type = new byte[4];
        b.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private static String cString(ByteBuffer b) {
        StringBuilder s = new StringBuilder();
        while (b.hasRemaining()) {
            byte c = b.get();
            if (c == 0) {
                break;
            }
            s.append((char) (c & 0xff));
        }
        return s.toString();
    }

    private static String printable(String type) {
        return type.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    private record Box(String type, long start, int headerLength, long size) {
        long payload() {
            return start + headerLength;
        }

        long end() {
            return start + size;
        }
    }
}
