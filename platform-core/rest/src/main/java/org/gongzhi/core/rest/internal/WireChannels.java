package org.gongzhi.core.rest.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.gongzhi.core.casework.Channel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Intake channels in JSON by their wire names ({@code grid-worker}, {@code hotline}, …), both ways.
 * An unknown name is refused with the list of known ones; the problem answer names the field.
 */
final class WireChannels {

    /** The names a client may send, for messages. */
    static final String KNOWN = Arrays.stream(Channel.values()).map(Channel::wireName).collect(Collectors.joining(", "));

    private WireChannels() {
    }

    static SimpleModule module() {
        return new SimpleModule("gongzhi-wire-channels")
                .addDeserializer(Channel.class, new Reader())
                .addSerializer(Channel.class, new Writer());
    }

    /** The message of an unknown channel name. */
    static String unknown(String value) {
        return "未知的上报渠道 (unknown channel), 可用 (one of): " + KNOWN;
    }

    private static final class Reader extends StdScalarDeserializer<Channel> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(Channel.class);
        }

        @Override
        public Channel deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Channel) ctxt.handleUnexpectedToken(Channel.class, p);
            }
            String text = p.getText();
            return Channel.fromWireName(text).orElseThrow(() -> ctxt.weirdStringException(text, Channel.class,
                    unknown(text)));
        }
    }

    private static final class Writer extends StdScalarSerializer<Channel> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Channel.class);
        }

        @Override
        public void serialize(Channel value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.wireName());
        }
    }
}
