package org.gongzhi.plugins.oldmanstudios.internal;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Link;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NewCookie;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.Variant;

/** Builds {@link TestResponse}s: status, entity and location only. */
final class TestResponseBuilder extends Response.ResponseBuilder {

    private int status = 200;
    private Object entity;
    private URI location;

    @Override
    public Response build() {
        return new TestResponse(status, entity, location);
    }

    @Override
    public Response.ResponseBuilder clone() {
        TestResponseBuilder copy = new TestResponseBuilder();
        copy.status = status;
        copy.entity = entity;
        copy.location = location;
        return copy;
    }

    @Override
    public Response.ResponseBuilder status(int code) {
        this.status = code;
        return this;
    }

    @Override
    public Response.ResponseBuilder status(int code, String reasonPhrase) {
        return status(code);
    }

    @Override
    public Response.ResponseBuilder entity(Object value) {
        this.entity = value;
        return this;
    }

    @Override
    public Response.ResponseBuilder entity(Object value, Annotation[] annotations) {
        return entity(value);
    }

    @Override
    public Response.ResponseBuilder location(URI uri) {
        this.location = uri;
        return this;
    }

    // Everything below is not needed by the tests and ignored.

    @Override
    public Response.ResponseBuilder allow(String... methods) {
        return this;
    }

    @Override
    public Response.ResponseBuilder allow(Set<String> methods) {
        return this;
    }

    @Override
    public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
        return this;
    }

    @Override
    public Response.ResponseBuilder encoding(String encoding) {
        return this;
    }

    @Override
    public Response.ResponseBuilder header(String name, Object value) {
        return this;
    }

    @Override
    public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> headers) {
        return this;
    }

    @Override
    public Response.ResponseBuilder language(String language) {
        return this;
    }

    @Override
    public Response.ResponseBuilder language(Locale language) {
        return this;
    }

    @Override
    public Response.ResponseBuilder type(MediaType type) {
        return this;
    }

    @Override
    public Response.ResponseBuilder type(String type) {
        return this;
    }

    @Override
    public Response.ResponseBuilder variant(Variant variant) {
        return this;
    }

    @Override
    public Response.ResponseBuilder contentLocation(URI uri) {
        return this;
    }

    @Override
    public Response.ResponseBuilder cookie(NewCookie... cookies) {
        return this;
    }

    @Override
    public Response.ResponseBuilder expires(Date date) {
        return this;
    }

    @Override
    public Response.ResponseBuilder lastModified(Date date) {
        return this;
    }

    @Override
    public Response.ResponseBuilder tag(EntityTag tag) {
        return this;
    }

    @Override
    public Response.ResponseBuilder tag(String tag) {
        return this;
    }

    @Override
    public Response.ResponseBuilder variants(Variant... variants) {
        return this;
    }

    @Override
    public Response.ResponseBuilder variants(List<Variant> variants) {
        return this;
    }

    @Override
    public Response.ResponseBuilder links(Link... links) {
        return this;
    }

    @Override
    public Response.ResponseBuilder link(URI uri, String rel) {
        return this;
    }

    @Override
    public Response.ResponseBuilder link(String uri, String rel) {
        return this;
    }
}
