namespace CrmSdkGen.Runtime.Diff;

/// <summary>How a JSON Patch <c>test</c> operation compares values.</summary>
public enum JsonPatchTest
{
    /// <summary>RFC 6902: strings equal only when their characters are (<see cref="JsonEquality.AreEqualAsJson"/>). The default, for patches from elsewhere.</summary>
    Rfc6902,

    /// <summary>As a CRM means its data: date-times by instant (<see cref="JsonEquality.AreSemanticallyEqual"/>), for patches this library's diff made.</summary>
    Semantic,
}
