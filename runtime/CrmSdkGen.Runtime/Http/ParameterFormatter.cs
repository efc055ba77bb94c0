using System;
using System.ComponentModel;
using System.Globalization;

namespace CrmSdkGen.Runtime.Http;

/// <summary>Formats parameter values the way OpenAPI's simple and form styles expect; used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterFormatter
{
    /// <summary>Formats a string.</summary>
    public static string Format(string value) => value;
    /// <summary>Formats a boolean as <c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";
    /// <summary>Formats an integer.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    /// <summary>Formats an integer.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
    /// <summary>Formats a number.</summary>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
    /// <summary>Formats a number.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    /// <summary>Formats a number.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    /// <summary>Formats an RFC 3339 date-time.</summary>
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    /// <summary>Formats an RFC 3339 full-date.</summary>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    /// <summary>Formats a UUID.</summary>
    public static string Format(Guid value) => value.ToString("D");
    /// <summary>Formats bytes as base64.</summary>
    public static string Format(byte[] value) => Convert.ToBase64String(value);
}
