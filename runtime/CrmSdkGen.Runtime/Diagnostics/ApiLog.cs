using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Runtime.Diagnostics;

/// <summary>
/// The log events of generated clients. Paths are the spec's templates ("/crm/v3/objects/contacts/{contactId}"), so no
/// identifier, query value, header or body reaches a log.
/// </summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 1, EventName = "Response", Level = LogLevel.Information,
        Message = "{Method} {PathTemplate} answered {StatusCode} in {ElapsedMilliseconds:F1} ms (attempt {Attempt})")]
    public static partial void Response(ILogger logger, string method, string pathTemplate, int statusCode, double elapsedMilliseconds, int attempt);

    [LoggerMessage(EventId = 2, EventName = "AttemptFailed", Level = LogLevel.Warning,
        Message = "{Method} {PathTemplate} failed after {ElapsedMilliseconds:F1} ms (attempt {Attempt}): {ErrorType} {Error}")]
    public static partial void AttemptFailed(ILogger logger, string method, string pathTemplate, double elapsedMilliseconds, int attempt, string errorType, string error);

    [LoggerMessage(EventId = 3, EventName = "Retrying", Level = LogLevel.Warning,
        Message = "{Method} {PathTemplate} will be retried in {DelayMilliseconds:F0} ms (attempt {NextAttempt}) because of {Reason}")]
    public static partial void Retrying(ILogger logger, string method, string pathTemplate, double delayMilliseconds, int nextAttempt, string reason);

    [LoggerMessage(EventId = 4, EventName = "CredentialRejected", Level = LogLevel.Information,
        Message = "{Method} {PathTemplate} answered 401; the token is refreshed and the request sent once more")]
    public static partial void CredentialRejected(ILogger logger, string method, string pathTemplate);

    [LoggerMessage(EventId = 5, EventName = "ValidationFailed", Level = LogLevel.Warning,
        Message = "The {Direction} of {Method} {PathTemplate} breaks its schema: {Problems}")]
    public static partial void ValidationFailed(ILogger logger, string direction, string method, string pathTemplate, string problems);
}
