package org.gongzhi.simulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An e-mail the simulator accepted as the SMTP server.
 *
 * @param messageId  the simulator's id, {@code MAIL-<6 digits>} in the order of arrival
 * @param to         the addresses in the message's To header
 * @param from       the sender as the message names it
 * @param subject    the decoded subject
 * @param text       the plain-text body, decoded
 * @param receivedAt ISO-8601 instant
 */
@JsonPropertyOrder({"messageId", "to", "from", "subject", "text", "receivedAt"})
public record MailMessage(String messageId, List<String> to, String from, String subject, String text,
                          String receivedAt) {
}
