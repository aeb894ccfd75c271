package org.gongzhi.core.evidence.internal;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-compatible server for the tests: s3proxy (the S3 REST API, AWS signature v4 checked) over jclouds'
 * in-memory blob store, on a free loopback port. Started once per test JVM, stopped when the JVM exits.
 */
final class S3TestServer {

    static final String ACCESS_KEY = "gongzhi-test";
    static final String SECRET_KEY = "gongzhi-test-secret";

    private static URI endpoint;

    private S3TestServer() {
    }

    static synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                BlobStoreContext context = ContextBuilder.newBuilder("transient")
                        .credentials("identity", "credential")
                        .build(BlobStoreContext.class);
                S3Proxy proxy = S3Proxy.builder()
                        .blobStore(context.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
                proxy.start();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!"STARTED".equals(proxy.getState())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
                    }
                    Thread.onSpinWait();
                }
                endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception ignored) {
                        // the JVM is exiting
                    }
                    context.close();
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start s3proxy", e);
            }
        }
        return endpoint;
    }

    /** A store on a bucket of its own, which does not exist yet (the store creates it). */
    static S3BlobStore newStore() throws java.io.IOException {
        String bucket = "evidence-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        return new S3BlobStore(new S3BlobStore.Settings(endpoint(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true));
    }
}
