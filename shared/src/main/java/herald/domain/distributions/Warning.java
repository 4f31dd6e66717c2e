package herald.domain.distributions;

/** Something that will keep a distribution's messages from going, said when it is activated or sent. */
public record Warning(String code, String channel, String message) {}
