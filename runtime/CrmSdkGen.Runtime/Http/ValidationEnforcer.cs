using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.Runtime.Diagnostics;
using CrmSdkGen.Runtime.Validation;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Runtime.Http;

/// <summary>Applies the client's validation policy to a request body or a response: throw, log and report, or pass.</summary>
internal sealed class ValidationEnforcer
{
    private readonly ApiClientOptions _options;
    private readonly ILogger? _logger;

    public ValidationEnforcer(ApiClientOptions options, ILogger? logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>Validates a response value (a model, or a list of them) under <see cref="ValidationSettings.Responses"/>.</summary>
    public void Response(ApiRequest request, object? value)
    {
        switch (value)
        {
            case IValidatable single:
                Enforce("response", request, ValidationContext.Validate(single, _options.Validation), _options.Validation.Responses);
                break;
            case IEnumerable<IValidatable> many:
                foreach (var item in many)
                {
                    Enforce("response", request, ValidationContext.Validate(item, _options.Validation), _options.Validation.Responses);
                }

                break;
        }
    }

    public void Enforce(string direction, ApiRequest request, ValidationResult result, ValidationMode mode)
    {
        if (result.IsValid && result.Corrections.Count == 0)
        {
            return;
        }

        if (!result.IsValid && mode == ValidationMode.Throw)
        {
            throw new ApiValidationException(direction, request.Method.Method, request.PathTemplate, result);
        }

        if (!result.IsValid && _logger is not null)
        {
            // Paths and rules only: the values may be personal data. A path may hold a map key the server sent, so
            // control characters are masked rather than written into the log line.
            var problems = string.Join(", ", result.Errors.Take(10).Select(error => Printable(error.Path.Length == 0 ? "/" : error.Path) + " " + error.Rule));
            ApiLog.ValidationFailed(_logger, direction, request.Method.Method, request.PathTemplate, problems);
        }

        _options.Validation.Report(new ValidationReport(direction, request.Method.Method, request.PathTemplate, result));
    }

    private static string Printable(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : text;
}
