package org.gongzhi.core.service.residents;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a text message (短信) to a mobile phone through the SMS provider the platform is configured
 * with. Implemented by the integration bundle (a Camel route to the provider's HTTP API). The phone
 * number and the text are personal data: implementations never log them.
 *
 * @since 1.6
 */
@ProviderType
public interface SmsGateway {

    /**
     * Sends {@code text} to {@code phone} (11-digit mainland mobile number) on behalf of {@code tenantId};
     * returns when the provider accepted it.
     *
     * @throws SmsUnavailableException the provider refused or could not be reached
     */
    void send(String tenantId, String phone, String text) throws SmsUnavailableException;

    /** The provider refused the message or could not be reached. */
    final class SmsUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public SmsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
