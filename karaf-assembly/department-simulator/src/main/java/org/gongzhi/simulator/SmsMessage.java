package org.gongzhi.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A text message the simulator accepted as the SMS provider ({@code POST /sms}).
 *
 * @param messageId  the provider's id, {@code SMS-<6 digits>} in the order of arrival
 * @param to         the mobile number
 * @param text       the text as it would reach the phone (signature included when the sender put it in)
 * @param signature  the sender's signature (签名) as sent, or {@code null}
 * @param tenant     the district the platform named, or {@code null}
 * @param receivedAt ISO-8601 instant
 */
@JsonPropertyOrder({"messageId", "to", "text", "signature", "tenant", "receivedAt"})
public record SmsMessage(String messageId, String to, String text, String signature, String tenant, String receivedAt) {
}
