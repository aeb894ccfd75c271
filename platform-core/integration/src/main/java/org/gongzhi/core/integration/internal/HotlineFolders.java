package org.gongzhi.core.integration.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.gongzhi.core.service.hotline.HotlineBatchResult;
import org.gongzhi.core.service.hotline.BatchFileClaims;
import org.gongzhi.core.service.hotline.HotlineFormat;
import org.gongzhi.core.service.hotline.HotlineIntake;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 12345 hotline's watched folders: a batch file dropped into
 * {@code <exchangeRoot>/<district>/hotline/in/} ({@code .csv} in UTF-8 or GBK, {@code .xml},
 * {@code .json}) is imported with {@link HotlineIntake}; the per-ticket result is written to
 * {@code <district>/hotline/out/<file>.result.json} and the file moves to {@code in/.done/}
 * (a file that is not a batch at all: {@code in/.error/} with {@code <file>.reason.txt}).
 * Replaying a file creates no duplicates: every ticket is answered {@code duplicate}. When several
 * nodes watch one shared folder, each file is imported by one of them: the read lock is a claim in the
 * database on the file's name, size and modification time ({@link ClaimedFiles}).
 */
@Component(immediate = true)
public final class HotlineFolders extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineFolders.class);
    static final String ROUTE_ID = "hotline-folders";
    private static final String CLAIMS = "hotlineBatchClaims";

    private final CamelRuntime runtime;
    private final HotlineIntake hotline;
    private final TenantDirectory tenants;
    private final Path root;

    @Activate
    public HotlineFolders(@Reference CamelRuntime runtime, @Reference HotlineIntake hotline,
                          @Reference TenantDirectory tenants, @Reference BatchFileClaims claims) throws Exception {
        this.runtime = runtime;
        this.hotline = hotline;
        this.tenants = tenants;
        this.root = runtime.settings().exchangeRoot().toAbsolutePath();
        Files.createDirectories(root);
        runtime.camel().getRegistry().bind(CLAIMS, new ClaimedFiles(claims, runtime.settings().node()));
        runtime.add(this);
        LOG.info("Hotline batches are read from {}/<district>/hotline/in/", root);
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(false).process(this::explain);
        fromF("file:%s?recursive=true&antInclude=*/hotline/in/*.csv,*/hotline/in/*.xml,*/hotline/in/*.json"
                + "&move=.done/${file:onlyname}&moveFailed=.error/${file:onlyname}&delay=1000"
                + "&readLock=idempotent&idempotentRepository=#" + CLAIMS + "&readLockRemoveOnCommit=false"
                + "&readLockRemoveOnRollback=true&idempotentKey=${file:name}-${file:size}-${file:modified}", root)
                .routeId(ROUTE_ID)
                .process(this::importBatch);
    }

    private void importBatch(Exchange ex) throws Exception {
        Path file = Path.of(ex.getIn().getHeader(Exchange.FILE_PATH, String.class));
        String tenant = root.relativize(file).getName(0).toString();
        tenants.require(tenant);
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        HotlineFormat format = HotlineFormat.fromWireName(ext).orElseThrow();
        byte[] content = ex.getIn().getBody(byte[].class);
        HotlineBatchResult result = hotline.importBatch(tenant, name, content, format, charsetOf(content));
        Path out = root.resolve(tenant).resolve("hotline").resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + ".result.json"),
                DeliverySteps.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result), StandardCharsets.UTF_8);
        LOG.info("Hotline batch {} of {}: {} created, {} duplicate, {} rejected", name, tenant, result.created(),
                result.duplicates(), result.rejected());
    }

    /** UTF-8 when the bytes are UTF-8, else GBK (what older hotline systems export). */
    static java.nio.charset.Charset charsetOf(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException e) {
            return java.nio.charset.Charset.forName("GBK");
        }
    }

    private void explain(Exchange ex) throws Exception {
        String reason = Connectors.explainRefusedFile(ex);
        LOG.warn("Hotline batch {} refused: {}", ex.getIn().getHeader(Exchange.FILE_PATH), reason);
    }

    @Deactivate
    void stop() {
        runtime.remove(ROUTE_ID);
    }
}
