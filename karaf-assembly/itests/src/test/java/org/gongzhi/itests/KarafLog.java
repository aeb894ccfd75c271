package org.gongzhi.itests;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reads what the container logged from a point on: a mark, then the ERROR lines written since. */
final class KarafLog {

    private static final Pattern ERROR = Pattern.compile("\\|\\s*ERROR\\s*\\|");
    private final Path file;
    private final long mark;

    private KarafLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the current end of {@code file}. */
    static KarafLog markEnd(Path file) {
        return new KarafLog(file, file.toFile().length());
    }

    /** The whole of {@code file}. */
    static KarafLog markStart(Path file) {
        return new KarafLog(file, 0);
    }

    /** The lines written since the mark. */
    List<String> linesSince() throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < mark) { // rolled over: all of the new file
                in.seek(0);
            } else {
                in.seek(mark);
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, in.length() - in.getFilePointer())];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The ERROR lines written since the mark. */
    List<String> errorsSince() throws IOException {
        return linesSince().stream().filter(l -> ERROR.matcher(l).find()).toList();
    }
}
