package org.gongzhi.keycloak.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The parts that need no running Keycloak: unpacking, the password file, the command line. */
public class RunnerPartsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void unpacksOnceKeepingModesAndLinks() throws IOException {
        Path archive = tmp.getRoot().toPath().resolve("dist.tar.gz");
        String top = "keycloak-" + Distribution.version() + "/";
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            dir(tar, top);
            dir(tar, top + "bin/");
            file(tar, top + "bin/kc.sh", 0755, "#!/bin/sh\necho hi\n");
            file(tar, top + "conf/keycloak.conf", 0644, "# conf\n");
            TarArchiveEntry link = new TarArchiveEntry(top + "bin/kc", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("kc.sh");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        Path home = tmp.getRoot().toPath().resolve("home");

        assertThat(Distribution.unpackIfNeeded(home, archive)).isTrue();
        Path server = Distribution.serverDir(home);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.resolve("bin/kc.sh"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.resolve("conf/keycloak.conf"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.isSymbolicLink(server.resolve("bin/kc"))).isTrue();
        assertThat(Files.readString(server.resolve("bin/kc"))).contains("echo hi");
        assertThat(home.resolve(".unpacking")).doesNotExist();

        Files.writeString(server.resolve("data.txt"), "kept");
        Files.delete(archive);
        assertThat(Distribution.unpackIfNeeded(home, archive)).isFalse();
        assertThat(server.resolve("data.txt")).hasContent("kept");
    }

    @Test
    public void refusesEntriesOutsideTheTarget() throws IOException {
        Path archive = tmp.getRoot().toPath().resolve("evil.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            file(tar, "top/../../escaped.txt", 0644, "x");
        }
        Path dest = tmp.newFolder("dest").toPath();
        assertThatThrownBy(() -> Distribution.extract(archive, dest)).isInstanceOf(IOException.class);
        assertThat(tmp.getRoot().toPath().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    public void passwordFileIsCreatedPrivateAndReused() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("sub/admin-password");
        String first = PasswordFile.readOrCreate(file);
        assertThat(first).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PasswordFile.readOrCreate(file)).isEqualTo(first);

        Files.writeString(tmp.getRoot().toPath().resolve("given"), "s3cret\n");
        assertThat(PasswordFile.readOrCreate(tmp.getRoot().toPath().resolve("given"))).isEqualTo("s3cret");
    }

    @Test
    public void parsesTheCommandLine() {
        assertThat(Main.parse(List.of("--help"))).isNull();
        assertThat(Main.parse(List.of("--home", "/tmp/kc", "--port=0", "--management-port", "0"))).isNotNull();
        assertThatThrownBy(() -> Main.parse(List.of("--port", "x"))).hasMessageContaining("not a port");
        assertThatThrownBy(() -> Main.parse(List.of("--port", "9000", "--management-port", "9000")))
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> Main.parse(List.of("--bogus"))).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Main.parse(List.of("--home"))).hasMessageContaining("needs a value");
    }

    @Test
    public void missingDistributionIsExplained() {
        assertThatThrownBy(() -> Distribution.locate(tmp.getRoot().toPath().resolve("nope.tar.gz")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keycloak-quarkus-dist");
    }

    private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setMode(040755);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, int mode, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setMode(0100000 | mode);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
