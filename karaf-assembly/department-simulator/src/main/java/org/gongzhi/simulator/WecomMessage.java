package org.gongzhi.simulator;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A message the simulator accepted as a WeChat Work group robot ({@code POST /wecom/send?key=…}).
 *
 * @param messageId  {@code WECOM-<6 digits>} in the order of arrival
 * @param key        the robot's key from the webhook URL
 * @param msgtype    {@code text} or {@code markdown}
 * @param content    the content as sent
 * @param receivedAt ISO-8601 instant
 */
@JsonPropertyOrder({"messageId", "key", "msgtype", "content", "receivedAt"})
public record WecomMessage(String messageId, String key, String msgtype, String content, String receivedAt) {
}
