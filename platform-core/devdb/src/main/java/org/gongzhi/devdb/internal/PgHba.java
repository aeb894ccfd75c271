package org.gongzhi.devdb.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

/**
 * The client authentication file of the embedded cluster: password (SCRAM-SHA-256) authentication on every line,
 * local and loopback alike. initdb writes {@code trust} (zonky runs it with {@code -A trust}), and clusters of
 * earlier versions kept it; {@link #write} replaces the file before each server start when it differs.
 */
final class PgHba {

    static final String FILE_NAME = "pg_hba.conf";

    static final String CONTENT = String.join("\n",
            "# Written by Gongzhi (org.gongzhi.devdb) before every start: changes here are replaced.",
            "# Every connection needs a password; the server listens on 127.0.0.1 only and has no unix socket.",
            "# Passwords: postgres.password and <role>.password in <data directory>-secrets/ (mode 600).",
            "# TYPE  DATABASE        USER            ADDRESS                 METHOD",
            "local   all             all                                     scram-sha-256",
            "host    all             all             127.0.0.1/32            scram-sha-256",
            "host    all             all             ::1/128                 scram-sha-256",
            "local   replication     all                                     scram-sha-256",
            "host    replication     all             127.0.0.1/32            scram-sha-256",
            "host    replication     all             ::1/128                 scram-sha-256",
            "");

    private PgHba() {
    }

    /** True when the file exists and every rule in it asks for a SCRAM password. */
    static boolean passwordOnly(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return false;
        }
        List<String> rules = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .toList();
        return !rules.isEmpty() && rules.stream().allMatch(PgHba::asksForScram);
    }

    private static boolean asksForScram(String rule) {
        String[] fields = rule.split("\\s+");
        // local DATABASE USER METHOD [options] | host* DATABASE USER ADDRESS [MASK] METHOD [options]
        int method = fields[0].equals("local") ? 3 : fields.length > 4 && fields[4].contains(".") ? 5 : 4;
        return fields.length > method && fields[method].toLowerCase(Locale.ROOT).equals("scram-sha-256");
    }

    /** Writes {@link #CONTENT} (mode 600) unless the file already has it; true when it was written. */
    static boolean write(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(CONTENT)) {
            return false;
        }
        Path tmp = dataDirectory.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, CONTENT, StandardCharsets.UTF_8);
        if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
