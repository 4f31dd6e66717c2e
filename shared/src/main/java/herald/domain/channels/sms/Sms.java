package herald.domain.channels.sms;

import herald.domain.channels.Outgoing;

/** A rendered text message: to an E.164 number, promotional or transactional, with an optional sender id. */
public record Sms(String messageId, String phone, String text, String smsType, String senderId) implements Outgoing {}
