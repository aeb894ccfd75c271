package org.gongzhi.keycloak.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The bootstrap admin password of a Keycloak home. Keycloak creates the bootstrap admin only on the first
 * start of an empty database, so the password has to stay the same for the life of the data directory:
 * it is generated once and kept in a file readable by the owner only.
 */
final class PasswordFile {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** Reads the password from {@code file}, or generates one and writes it there (mode 600) if the file is absent. */
    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String password = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (password.isEmpty()) {
                    throw new IllegalStateException("Admin password file " + file + " is empty");
                }
                return password;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String password = generate(24);
            Path tmp = Files.createTempFile(dir, ".admin-password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the admin password file " + file, e);
        }
    }

    static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
