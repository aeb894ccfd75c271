package org.gongzhi.core.evidence.internal;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * The TwelveMonkeys readers this bundle embeds. Inside OSGi the JDK's ImageIO service lookup cannot see them, so
 * they are registered with the default {@link IIORegistry} while the component is active and removed again when it
 * stops. TwelveMonkeys' JPEG reader (CMYK, broken ICC profiles and other camera quirks) delegates the actual
 * decoding to the JDK's; the WebP reader is the only WebP decoder in Java.
 */
final class ImageIoPlugins implements AutoCloseable {

    private final IIORegistry registry = IIORegistry.getDefaultInstance();
    private final JPEGImageReaderSpi jpeg = new JPEGImageReaderSpi();
    private final WebPImageReaderSpi webp = new WebPImageReaderSpi();

    ImageIoPlugins() {
        registry.registerServiceProvider(jpeg, ImageReaderSpi.class);
        registry.registerServiceProvider(webp, ImageReaderSpi.class);
    }

    /** A new reader for a sniffed photo type (JPEG, PNG, WebP); the caller disposes it. */
    ImageReader reader(String mediaType) throws java.io.IOException {
        return switch (mediaType) {
            case "image/jpeg" -> jpeg.createReaderInstance();
            case "image/webp" -> webp.createReaderInstance();
            default -> {
                Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
                if (!readers.hasNext()) {
                    throw new IllegalStateException("no ImageIO reader for " + mediaType);
                }
                yield readers.next();
            }
        };
    }

    @Override
    public void close() {
        registry.deregisterServiceProvider(jpeg, ImageReaderSpi.class);
        registry.deregisterServiceProvider(webp, ImageReaderSpi.class);
    }
}
