package org.gongzhi.core.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.gongzhi.core.service.InputText;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Jackson as the JSON reader/writer of every Gongzhi resource (also application/problem+json).
 * Request bodies must be well-formed UTF-8 (a named charset other than UTF-8 is 415); binding
 * is strict ({@link Json}).
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public final class JsonProvider extends JacksonJsonProvider {

    public JsonProvider() {
        super(Json.mapper());
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        Charsets.requireUtf8(mediaType);
        byte[] body = entityStream.readAllBytes(); // bounded by RequestLimits
        InputText.utf8("body", body);
        return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, new ByteArrayInputStream(body));
    }
}
