package org.gongzhi.core.rest.internal;

import java.io.IOException;

import org.gongzhi.core.service.InputText;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Binds JSON strings only: a number, boolean, array or object where the API expects text is
 * refused instead of coerced, and so is text that {@link InputText} refuses (NUL, lone
 * surrogates). Jackson adds the field path; {@link ProblemMapper} names it.
 */
final class StrictStrings extends StdScalarDeserializer<String> {

    StrictStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            throw MismatchedInputException.from(p, String.class, "须为字符串 (must be a string)");
        }
        String value = p.getText();
        String problem = InputText.problem(value);
        if (problem != null) {
            throw InvalidFormatException.from(p, problem, "", String.class);
        }
        return value;
    }
}
