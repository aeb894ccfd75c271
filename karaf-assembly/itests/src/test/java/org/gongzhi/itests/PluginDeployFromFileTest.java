package org.gongzhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/**
 * The plugin developer's deploy path of docs/plugin-guide.md section 9, as an operator of a fresh
 * clone runs it: the template plugin's bundle file, built in this reactor, copied into the running
 * platform's {@code deploy/} folder; the model enabled for Jizhou over the REST API; its endpoints
 * used; the file deleted — the model leaves, its endpoints answer 404, and the other districts and
 * the district's own API never stop answering.
 */
public class PluginDeployFromFileTest extends PlatformTestSupport {

    private static final String JAR_PROPERTY = "gongzhi.test.template.jar";
    private static final String NOTES = "/api/v1/tenants/jizhou/plugins/template/notes";

    @Override
    protected Option[] extraOptions(int httpPort, String keycloakUrl) throws IOException {
        File jar = new File(System.getProperty(JAR_PROPERTY));
        if (!jar.isFile()) {
            throw new IOException("the template plugin's bundle is not built: " + jar);
        }
        return new Option[] {editConfigurationFilePut("etc/system.properties", JAR_PROPERTY, jar.getAbsolutePath())};
    }

    private boolean deployed() throws Exception {
        return api.get("/api/v1/plugins").body().toString().contains("\"id\":\"template\"");
    }

    @Test
    public void aBuiltPluginFileIsDeployedEnabledUsedAndRemoved() throws Exception {
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path dropped = deploy.resolve("gongzhi-plugin-template.jar");
        assertFalse("the template is not part of the distribution", deployed());
        assertEquals(404, api.get(NOTES).status());

        long start = System.nanoTime();
        Files.createDirectories(deploy);
        Files.copy(Path.of(System.getProperty(JAR_PROPERTY)), deploy.resolve(".gongzhi-plugin-template.jar.part"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(deploy.resolve(".gongzhi-plugin-template.jar.part"), dropped, StandardCopyOption.ATOMIC_MOVE);
        Awaitility.await("the model deployed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(this::deployed);
        System.out.printf("template plugin: file dropped to model deployed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertEquals("deployed but not yet enabled for Jizhou", 404, api.get(NOTES).status());

        Api.Reply enabled = api.put("/api/v1/tenants/jizhou/plugins/template", "");
        assertEquals(enabled.body().toString(), 200, enabled.status());
        assertTrue(enabled.body().get("deployed").asBoolean());
        assertEquals("模板模式", enabled.text("nameZh"));

        Api.Reply note = api.post(NOTES, "{\"text\":\"周五下午网格例会\",\"gridCode\":\"360802001001001\"}");
        assertEquals(note.body().toString(), 201, note.status());
        Api.Reply list = api.get(NOTES + "?grid=360802001001001");
        assertEquals(200, list.status());
        assertEquals(1, list.body().get("total").asInt());
        Api.Reply bad = api.post(NOTES, "{\"text\":\"\"}");
        assertEquals(bad.body().toString(), 400, bad.status());
        assertEquals("text", bad.text("field"));
        assertEquals("another district did not enable it", 404,
                api.get("/api/v1/tenants/donghu/plugins/template/notes").status());

        Files.delete(dropped);
        Awaitility.await("the model removed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> !deployed());
        Awaitility.await("its endpoints gone").atMost(Duration.ofSeconds(30)).until(() -> api.get(NOTES).status() == 404);
        Api.Reply still = api.get("/api/v1/tenants/jizhou/plugins");
        assertEquals(200, still.status());
        assertTrue("Jizhou keeps the model enabled, not deployed: " + still.body(),
                still.body().toString().contains("\"id\":\"template\",\"enabled\":true,\"deployed\":false"));
        assertEquals(200, api.get("/api/v1/tenants/jizhou/cases?limit=1").status());
    }
}
